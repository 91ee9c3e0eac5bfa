import type { JobHandler } from "../handler";
import { exportHandler } from "./export";
import { ingestHandler } from "./ingest";
import { sceneDetectionJob } from "./scene-detection";
import { transcriptionJob } from "./transcription";

/**
 * The one explicit list of job handlers, one module per type (handlers/<type>.ts, built with
 * defineJobHandler and its payloads/<type>.ts spec). A job whose type has no entry here fails
 * permanently with "No handler registered" instead of waiting forever.
 */
export const JOB_HANDLERS: readonly JobHandler[] = [ingestHandler, transcriptionJob, sceneDetectionJob, exportHandler];
