import type { JsonObject } from "../db/schema/columns";

/**
 * Every event a project's log can hold, the names webhook endpoints subscribe to and `?types=` filters by.
 * `webhook.test` is not one of them: it goes to one endpoint only (POST .../webhooks/{id}/test) and never
 * enters the log.
 */
export const PROJECT_EVENT_TYPES = [
  "asset.ready",
  "asset.failed",
  "asset.deleted",
  "upload.completed",
  "job.started",
  "job.completed",
  "job.failed",
  "job.cancelled",
  "transcript.ready",
  "scenes.ready",
  "quiz.ready",
  "export.ready",
] as const;
export type ProjectEventType = (typeof PROJECT_EVENT_TYPES)[number];

export const TEST_EVENT_TYPE = "webhook.test";
export type DeliveredEventType = ProjectEventType | typeof TEST_EVENT_TYPE;

/** An event as its producer records it (an outbox row) and the project's log receives it. */
export interface ProjectEventInput {
  /** `msg_...`: the webhook-id of every delivery and the SSE/WebSocket event id. Fixed when the change is made. */
  id: string;
  type: ProjectEventType;
  /** When the change happened (ISO 8601), not when it was delivered. */
  timestamp: string;
  /** The resource as the API returns it (the job, the asset, ...). */
  data: JsonObject;
}

/**
 * A new event id: `msg_`, 12 hex digits of the time in ms (so ids sort by creation), 20 random hex digits.
 * No `.`: the id is part of the signed `id.timestamp.body` string.
 */
export function newEventId(now = Date.now()): string {
  const random = Array.from(crypto.getRandomValues(new Uint8Array(10)), (byte) =>
    byte.toString(16).padStart(2, "0"),
  ).join("");
  return `msg_${now.toString(16).padStart(12, "0")}${random}`;
}

export function newEvent(type: ProjectEventType, data: JsonObject, at = new Date()): ProjectEventInput {
  return { id: newEventId(at.getTime()), type, timestamp: at.toISOString(), data };
}

/** A value as its receivers will parse it. The JSON round trip is the one place its type is asserted. */
export const asEventData = (value: object): JsonObject => JSON.parse(JSON.stringify(value)) as JsonObject;
