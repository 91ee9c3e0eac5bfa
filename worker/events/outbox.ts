import { and, asc, eq, inArray, lt, type SQL } from "drizzle-orm";
import type { Database } from "../db/client";
import type { JsonObject } from "../db/schema/columns";
import { type EventOutboxRow, eventOutbox } from "../db/schema/event-outbox";
import type { Logger } from "../logger";
import { newEvent, type ProjectEventInput, type ProjectEventType } from "./event-types";
import { ProjectEventsClient, type ProjectEventsNamespace } from "./project-events-client";

// Rows forwarded per call to the project's log (D1 binds at most 100 parameters per statement).
const BATCH = 50;
/** The sweep leaves rows this young to the request that wrote them, which forwards them itself. */
export const SWEEP_AFTER_MS = 30_000;

const toEvent = (row: EventOutboxRow): ProjectEventInput => ({
  id: row.id,
  type: row.type as ProjectEventType,
  timestamp: row.occurredAt,
  data: row.data,
});

/**
 * The outbox of changes made in D1. A change records its event with record(), in the same db.batch as the change
 * itself, then calls publish(): the rows go to the project's event log and are deleted once it has them. A crash or
 * a failing log between the two leaves the row for sweep(), run by the scheduled handler every minute.
 */
export class EventOutbox {
  // Ids this outbox recorded and has not published, by project. publish() forwards only these: forwarding every
  // pending row of the project made concurrent changes resend each other's rows (ten at once: up to 10x the events).
  private readonly recorded = new Map<string, string[]>();

  constructor(
    private readonly db: Database,
    private readonly namespace: ProjectEventsNamespace,
    private readonly logger: Logger,
  ) {}

  /** The insert to put in the change's batch. */
  record(projectId: string, type: ProjectEventType, data: JsonObject, at = new Date()) {
    const event = newEvent(type, data, at);
    this.recorded.set(projectId, [...(this.recorded.get(projectId) ?? []), event.id]);
    return this.db
      .insert(eventOutbox)
      .values({ id: event.id, projectId, type: event.type, occurredAt: event.timestamp, data: event.data });
  }

  /**
   * Forwards the rows this outbox recorded for the project (those whose batch committed) to its log, in order.
   * Rows other changes left behind are the sweep's. Never throws: the change is made; the sweep retries.
   */
  async publish(projectId: string): Promise<void> {
    const ids = this.recorded.get(projectId) ?? [];
    this.recorded.delete(projectId);
    try {
      for (let start = 0; start < ids.length; start += BATCH) {
        await this.forwardRows(projectId, inArray(eventOutbox.id, ids.slice(start, start + BATCH)));
      }
    } catch (error) {
      this.logger.warn("event_publish_failed", { project_id: projectId, error: String(error) });
    }
  }

  /** Forwards rows older than SWEEP_AFTER_MS, project by project; returns how many went out. */
  async sweep(now = Date.now()): Promise<number> {
    const cutoff = new Date(now - SWEEP_AFTER_MS).toISOString();
    const projects = await this.db
      .selectDistinct({ projectId: eventOutbox.projectId })
      .from(eventOutbox)
      .where(lt(eventOutbox.occurredAt, cutoff))
      .limit(BATCH);
    let sent = 0;
    for (const { projectId } of projects) {
      try {
        sent += await this.forward(projectId);
      } catch (error) {
        this.logger.warn("event_sweep_failed", { project_id: projectId, error: String(error) });
      }
    }
    return sent;
  }

  /** Forwards all the project's rows, BATCH at a time. */
  private async forward(projectId: string): Promise<number> {
    let sent = 0;
    for (;;) {
      const rows = await this.forwardRows(projectId);
      sent += rows;
      if (rows < BATCH) return sent;
    }
  }

  /** Forwards the project's first BATCH rows (of those `only` selects) in order, then deletes them. */
  private async forwardRows(projectId: string, only?: SQL): Promise<number> {
    const rows = await this.db
      .select()
      .from(eventOutbox)
      .where(and(eq(eventOutbox.projectId, projectId), only))
      .orderBy(asc(eventOutbox.occurredAt), asc(eventOutbox.id))
      .limit(BATCH);
    if (rows.length === 0) return 0;
    await new ProjectEventsClient(this.namespace, projectId).append(rows.map(toEvent));
    await this.db.delete(eventOutbox).where(
      inArray(
        eventOutbox.id,
        rows.map((row) => row.id),
      ),
    );
    return rows.length;
  }
}
