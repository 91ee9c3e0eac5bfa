import type { Logger } from "../logger";
import { decideAfterAttempt, RETENTION_MS } from "./delivery-policy";
import type { DeliveryStore, DueDelivery } from "./delivery-store";
import type { EndpointRecord, EndpointStore } from "./endpoint-store";
import { subscribes } from "./endpoint-store";
import type { EventLog, LoggedEvent } from "./event-log";
import type { SigningKeys } from "./signing-keys";
import { type AttemptOutcome, sendWebhook, webhookDeliveryOptions } from "./webhook-sender";
import { signatureHeader } from "./webhook-signature";

const DAY_MS = 24 * 60 * 60 * 1000;
// A send in flight moves its delivery this far past the timeout; only a crash mid-send lets the alarm find it.
const IN_FLIGHT_MARGIN_MS = 15_000;
// Deliveries already due wait for their endpoint's running sender; the alarm is only the backstop for them.
const BACKSTOP_MS = 1_000;

export interface DispatcherDeps {
  ctx: DurableObjectState;
  sql: SqlStorage;
  log: EventLog;
  endpoints: EndpointStore;
  deliveries: DeliveryStore;
  keys: SigningKeys;
  userAgent: string;
  logger: Logger;
}

/**
 * Sends the project's webhook deliveries. Each endpoint has one sender at a time that takes its due deliveries in
 * event order, so an endpoint that answers gets every event in order; endpoints do not wait for each other, and a
 * failed delivery waits for its retry without holding back the ones after it. Every due time is in SQLite, and the
 * object's one alarm is kept at the earliest of them (and at the daily retention sweep), so nothing depends on
 * this instance staying alive.
 */
export class WebhookDispatcher {
  private readonly senders = new Map<string, Promise<void>>();
  // An alarm run early (tests advance alarms) sends what that alarm was set for.
  private dueFloor = 0;

  constructor(private readonly deps: DispatcherDeps) {
    deps.sql.exec("CREATE TABLE IF NOT EXISTS schedule (key TEXT PRIMARY KEY, at INTEGER NOT NULL)");
  }

  /** Creates the deliveries of a new event, synchronously with its logging; returns the endpoints to wake. */
  fanOut(event: LoggedEvent, now: number): string[] {
    const targets = this.deps.endpoints
      .list()
      .filter((endpoint) => endpoint.enabled && subscribes(endpoint, event.type));
    for (const endpoint of targets) this.deps.deliveries.create(endpoint.id, event, now);
    return targets.map((endpoint) => endpoint.id);
  }

  /** Starts (or joins) the senders of these endpoints; resolves when each has nothing due left. */
  wake(endpointIds: Iterable<string>): Promise<void> {
    this.syncAlarm();
    return Promise.all([...new Set(endpointIds)].map((id) => this.sender(id))).then(() => undefined);
  }

  /** The alarm: sends everything due (by the alarm's own time at least), sweeps old rows daily, re-arms. */
  async onAlarm(): Promise<void> {
    const now = Date.now();
    this.dueFloor = Math.max(now, this.scheduled("alarm") ?? 0);
    this.deps.sql.exec("DELETE FROM schedule WHERE key = 'alarm'");
    try {
      const prune = this.scheduled("prune");
      if (prune !== null && prune <= this.dueFloor) {
        this.deps.deliveries.prune(now - RETENTION_MS);
        this.deps.log.prune(now - RETENTION_MS);
        this.setScheduled("prune", now + DAY_MS);
      }
      await this.wake(this.deps.deliveries.endpointsDue(this.dueFloor));
    } finally {
      this.dueFloor = 0;
      this.syncAlarm();
    }
  }

  /**
   * Sends one delivery now, outside its endpoint's queue (the test event), and waits for the attempt. The caller
   * created it already postponed, so no sender takes it meanwhile.
   */
  async sendNow(delivery: DueDelivery): Promise<void> {
    const endpoint = this.deps.endpoints.get(delivery.endpointId);
    if (endpoint) await this.attempt(delivery, endpoint);
    this.syncAlarm();
  }

  /**
   * Keeps the alarm at the earliest due delivery or retention sweep, rounded up to a whole second so that the many
   * changes of one busy second set it once. Synchronous, so it commits with the rows that made it necessary.
   */
  syncAlarm(): void {
    const now = Date.now();
    if (this.scheduled("prune") === null) this.setScheduled("prune", now + DAY_MS);
    const due = this.deps.deliveries.earliestDue();
    const earliest = Math.min(
      due === null ? Number.POSITIVE_INFINITY : Math.max(due, now + BACKSTOP_MS),
      this.scheduled("prune") ?? Number.POSITIVE_INFINITY,
    );
    const wanted = Math.ceil(earliest / 1000) * 1000;
    if (this.scheduled("alarm") === wanted) return;
    this.setScheduled("alarm", wanted);
    void this.deps.ctx.storage.setAlarm(wanted);
  }

  private sender(endpointId: string): Promise<void> {
    const running = this.senders.get(endpointId);
    if (running) return running;
    const loop = this.drain(endpointId).finally(() => this.senders.delete(endpointId));
    this.senders.set(endpointId, loop);
    return loop;
  }

  private async drain(endpointId: string): Promise<void> {
    for (;;) {
      const endpoint = this.deps.endpoints.get(endpointId);
      const next = this.deps.deliveries.nextDue(endpointId, Math.max(Date.now(), this.dueFloor));
      if (!endpoint || !next) return;
      if (!endpoint.enabled) {
        this.deps.deliveries.failPending(endpointId, Date.now());
        return;
      }
      await this.attempt(next, endpoint);
    }
  }

  private async attempt(delivery: DueDelivery, endpoint: EndpointRecord): Promise<void> {
    const { deliveries, endpoints } = this.deps;
    const startedAt = Date.now();
    deliveries.postpone(delivery.id, startedAt + webhookDeliveryOptions.timeoutMs + IN_FLIGHT_MARGIN_MS);
    this.syncAlarm();
    const event = this.deps.log.get(delivery.eventSeq);
    const outcome = event
      ? await this.send(endpoint, event, startedAt)
      : noAttempt("The event is no longer in the log");
    // The endpoint may have changed (or gone) while the request was out.
    const current = endpoints.get(endpoint.id);
    if (!current) return;
    const now = Date.now();
    const decision = decideAfterAttempt({
      statusCode: outcome.statusCode,
      retryAfterSeconds: outcome.retryAfterSeconds,
      failedBefore: delivery.failedInRound,
      failingSince: current.failingSince,
      now,
      random: Math.random(),
    });
    const keepTrying = decision.delivery === "pending" && current.enabled;
    deliveries.recordAttempt(
      delivery,
      { ...outcome, at: startedAt },
      keepTrying || decision.delivery !== "pending" ? decision.delivery : "failed",
      keepTrying ? decision.nextAttemptAt : null,
    );
    const updated: EndpointRecord = { ...current, failingSince: decision.failingSince };
    if (decision.disable && current.enabled) {
      Object.assign(updated, {
        enabled: false,
        disabledReason: decision.disable,
        disabledAt: new Date(now).toISOString(),
        updatedAt: new Date(now).toISOString(),
      });
      deliveries.failPending(endpoint.id, now);
      this.deps.logger.warn("webhook_endpoint_disabled", { webhook_id: endpoint.id, reason: decision.disable });
    }
    endpoints.save(updated);
    this.syncAlarm();
  }

  private async send(endpoint: EndpointRecord, event: LoggedEvent, now: number): Promise<AttemptOutcome> {
    const timestampSeconds = Math.floor(now / 1000);
    let signature: string;
    try {
      signature = await signatureHeader(
        await this.deps.keys.for(endpoint, now),
        event.id,
        timestampSeconds,
        event.body,
      );
    } catch (error) {
      this.deps.logger.error("webhook_signing_failed", { webhook_id: endpoint.id, error: String(error) });
      return noAttempt("The endpoint's signing secret could not be read (was TOKEN_SIGNING_SECRET changed?)");
    }
    return sendWebhook({
      url: endpoint.url,
      id: event.id,
      timestampSeconds,
      signature,
      body: event.body,
      userAgent: this.deps.userAgent,
    });
  }

  private scheduled(key: "alarm" | "prune"): number | null {
    return this.deps.sql.exec<{ at: number }>("SELECT at FROM schedule WHERE key = ?", key).toArray()[0]?.at ?? null;
  }

  private setScheduled(key: "alarm" | "prune", at: number): void {
    this.deps.sql.exec("INSERT OR REPLACE INTO schedule (key, at) VALUES (?, ?)", key, at);
  }
}

function noAttempt(error: string): AttemptOutcome {
  return { statusCode: null, latencyMs: 0, responseBody: null, error, retryAfterSeconds: null };
}
