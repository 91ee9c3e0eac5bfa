import { exportPayload } from "./export";
import { ingestPayload } from "./ingest";
import { sceneDetectionPayload } from "./scene-detection";
import { transcriptionPayload } from "./transcription";

/**
 * Every job type a client may create, each with its payload schema. This list is the extension point:
 * a new type (export arrives with the export issue) adds its payloads/<type>.ts and one entry here,
 * and POST /jobs accepts it from then on. Types missing here are rejected with 422 at creation.
 */
export const JOB_PAYLOAD_SPECS = [ingestPayload, transcriptionPayload, sceneDetectionPayload, exportPayload] as const;
