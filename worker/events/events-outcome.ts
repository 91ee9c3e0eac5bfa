import type { DomainErrorCode } from "../domain-error";

/**
 * What the project's Durable Object answers: a value, or why not. Error classes do not survive RPC, so refusals
 * travel as values and the client (project-events-client.ts) throws them as DomainErrors.
 */
export type EventsOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; code: Extract<DomainErrorCode, "NOT_FOUND" | "CONFLICT">; message: string };

export const ok = <T>(value: T): EventsOutcome<T> => ({ ok: true, value });

export const refuse = <T = never>(code: "NOT_FOUND" | "CONFLICT", message: string): EventsOutcome<T> => ({
  ok: false,
  code,
  message,
});
