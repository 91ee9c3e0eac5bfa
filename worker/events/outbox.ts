import { asc, eq, inArray, lt } from "drizzle-orm";
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
 * itself, then calls publish() once that batch has committed: the events go to the project's event log and their
 * rows are deleted once it has them. A crash or a failing log between the two leaves the row for sweep(), run by the
 * scheduled handler every minute.
 */
export class EventOutbox {
  // Events this outbox recorded and has not published, by project. publish() forwards only these: forwarding every
  // pending row of the project made concurrent changes resend each other's rows (ten at once: up to 10x the events).
  // They are forwarded as recorded, not read back: reading them back was one of the three D1 round trips of a change.
  private readonly recorded = new Map<string, ProjectEventInput[]>();

  constructor(
    private readonly db: Database,
    private readonly namespace: ProjectEventsNamespace,
    private readonly logger: Logger,
  ) {}

  /** The insert to put in the change's batch. */
  record(projectId: string, type: ProjectEventType, data: JsonObject, at = new Date()) {
    const event = newEvent(type, data, at);
    this.recorded.set(projectId, [...(this.recorded.get(projectId) ?? []), event]);
    return this.db
      .insert(eventOutbox)
      .values({ id: event.id, projectId, type: event.type, occurredAt: event.timestamp, data: event.data });
  }

  /**
   * Forwards the events this outbox recorded for the project to its log, in order, then deletes their rows. Call it
   * only once the batch holding those inserts has committed (a batch that throws is not followed by publish()).
   * Rows other changes left behind are the sweep's. Never throws: the change is made; the sweep retries.
   */
  async publish(projectId: string): Promise<void> {
    const events = this.recorded.get(projectId) ?? [];
    this.recorded.delete(projectId);
    try {
      for (let start = 0; start < events.length; start += BATCH) {
        await this.forwardEvents(projectId, events.slice(start, start + BATCH));
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

  /** Forwards the project's first BATCH rows in order, then deletes them. */
  private async forwardRows(projectId: string): Promise<number> {
    const rows = await this.db
      .select()
      .from(eventOutbox)
      .where(eq(eventOutbox.projectId, projectId))
      .orderBy(asc(eventOutbox.occurredAt), asc(eventOutbox.id))
      .limit(BATCH);
    if (rows.length > 0) await this.forwardEvents(projectId, rows.map(toEvent));
    return rows.length;
  }

  /** Appends the events to the project's log, then deletes their rows: a crash between the two only repeats them. */
  private async forwardEvents(projectId: string, events: ProjectEventInput[]): Promise<void> {
    await new ProjectEventsClient(this.namespace, projectId).append(events);
    await this.db.delete(eventOutbox).where(
      inArray(
        eventOutbox.id,
        events.map((event) => event.id),
      ),
    );
  }
}
