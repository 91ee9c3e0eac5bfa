import type { JobTypeDefinition } from "../job-type";
import { chaptersJob } from "./chapters";
import { exportJob } from "./export";
import { ingestJob } from "./ingest";
import { quizGenerationJob } from "./quiz-generation";
import { quizReviewClipsJob } from "./quiz-review-clips";
import { sceneDetectionJob } from "./scene-detection";
import { transcriptionJob } from "./transcription";
import { translationJob } from "./translation";

/**
 * Every job type, one module each (types/<type>.ts, built with defineJobType). This list is the only
 * place a type is named: the API's job_type enum, the OpenAPI request union and the engine's lookup come
 * from it, so a new type is its module plus one entry here. The D1 column is plain text (see db/schema/jobs.ts).
 */
export const JOB_TYPES = [
  ingestJob,
  transcriptionJob,
  sceneDetectionJob,
  exportJob,
  quizGenerationJob,
  translationJob,
  chaptersJob,
  quizReviewClipsJob,
] as const satisfies readonly JobTypeDefinition[];

export type JobTypeName = (typeof JOB_TYPES)[number]["type"];

export const JOB_TYPE_NAMES: readonly JobTypeName[] = JOB_TYPES.map((definition) => definition.type);

const byName = new Map<string, JobTypeDefinition>(JOB_TYPES.map((definition) => [definition.type, definition]));
if (byName.size !== JOB_TYPES.length) throw new Error("Two job type modules use the same type name");

/** The job type of this name; undefined for names no module defines (e.g. a removed type's stored jobs). */
export function findJobType(name: string): JobTypeDefinition | undefined {
  return byName.get(name);
}
