import type { Logger } from "../logger";
import { decideAfterAttempt, RETENTION_MS } from "./delivery-policy";
import type { DeliveryStore, DueDelivery, RecordedAttempt } from "./delivery-store";
import type { EndpointRecord, EndpointStore } from "./endpoint-store";
import { subscribes } from "./endpoint-store";
import type { EventLog, LoggedEvent } from "./event-log";
import type { SigningKeys } from "./signing-keys";
import { type AttemptOutcome, sendWebhook, type WebhookRequest, webhookDeliveryOptions } from "./webhook-sender";
import { BATCH_FRESH_MS, type SentAttempt, type WebhookSenderObject } from "./webhook-sender-object";
import { signatureHeader } from "./webhook-signature";

const DAY_MS = 24 * 60 * 60 * 1000;
// A batch in flight moves its deliveries this far past its longest run; only a crash mid-send lets the alarm find them.
const IN_FLIGHT_MARGIN_MS = 15_000;
// Deliveries handed to an endpoint's sender at once: bounds what a crash mid-batch sends twice, and how late a
// change to the endpoint (disabled, new URL) takes effect.
const BATCH_SIZE = 25;
// Deliveries already due wait for their endpoint's running sender; the alarm is only the backstop for them.
const BACKSTOP_MS = 1_000;

export interface DispatcherDeps {
  ctx: DurableObjectState;
  sql: SqlStorage;
  log: EventLog;
  endpoints: EndpointStore;
  deliveries: DeliveryStore;
  keys: SigningKeys;
  senderObjects: DurableObjectNamespace<WebhookSenderObject>;
  userAgent: string;
  logger: Logger;
}

/**
 * Sends the project's webhook deliveries. Each endpoint has one loop at a time that takes its due deliveries in
 * event order, in batches, and hands them to the endpoint's sender object (webhook-sender-object.ts), which sends
 * them one by one, so an endpoint that answers gets every event in order; endpoints do not wait for each other,
 * and a failed delivery waits for its retry without holding back the ones after it. Every due time is in SQLite, and the
 * object's one alarm is kept at the earliest of them (and at the daily retention sweep), so nothing depends on
 * this instance staying alive.
 */
export class WebhookDispatcher {
  private readonly draining = new Map<string, Promise<void>>();
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
    const ids = targets.map((endpoint) => endpoint.id);
    this.deps.deliveries.createFor(ids, event, now);
    return ids;
  }

  /** Starts (or joins) the senders of these endpoints; resolves when each has nothing due left. */
  wake(endpointIds: Iterable<string>): Promise<void> {
    this.syncAlarm();
    return Promise.all([...new Set(endpointIds)].map((id) => this.drainOnce(id))).then(() => undefined);
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
   * Sends one delivery now from this object, outside its endpoint's queue and sender (the test event), and waits
   * for the attempt. Postponed first, so no sender takes it meanwhile.
   */
  async sendNow(delivery: DueDelivery): Promise<void> {
    const endpoint = this.deps.endpoints.get(delivery.endpointId);
    if (!endpoint) return;
    const at = Date.now();
    this.deps.deliveries.postpone([delivery.id], at + webhookDeliveryOptions.timeoutMs + IN_FLIGHT_MARGIN_MS);
    this.syncAlarm();
    const event = this.deps.log.get(delivery.eventSeq);
    const request = event ? await this.request(endpoint, event, at) : "The event is no longer in the log";
    const outcome = typeof request === "string" ? noAttempt(request) : await sendWebhook(request);
    this.recordFresh(delivery, endpoint.id, { ...outcome, at });
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

  private drainOnce(endpointId: string): Promise<void> {
    const running = this.draining.get(endpointId);
    if (running) return running;
    const loop = this.drain(endpointId).finally(() => this.draining.delete(endpointId));
    this.draining.set(endpointId, loop);
    return loop;
  }

  private async drain(endpointId: string): Promise<void> {
    // A batch cut short by a failure was signed in vain past it: after one, batches start small and grow again.
    let size = BATCH_SIZE;
    for (;;) {
      const endpoint = this.deps.endpoints.get(endpointId);
      const due = this.deps.deliveries.dueBatch(endpointId, Math.max(Date.now(), this.dueFloor), size);
      if (!endpoint || due.length === 0) return;
      if (!endpoint.enabled) {
        this.deps.deliveries.failPending(endpointId, Date.now());
        return;
      }
      const cutShort = (await this.sendBatch(due, endpoint)) < due.length;
      size = cutShort ? 2 : Math.min(BATCH_SIZE, size * 2);
    }
  }

  /**
   * Hands a batch to the endpoint's sender object and records what it sent; returns how many of its deliveries
   * were attempted. The batch is postponed first, so only a crash (of either object) before the outcomes are
   * recorded lets the alarm send it again.
   */
  private async sendBatch(batch: DueDelivery[], endpoint: EndpointRecord): Promise<number> {
    const { deliveries } = this.deps;
    const signedAt = Date.now();
    deliveries.postpone(
      batch.map((delivery) => delivery.id),
      signedAt + BATCH_FRESH_MS + webhookDeliveryOptions.timeoutMs + IN_FLIGHT_MARGIN_MS,
    );
    this.syncAlarm();
    const signed = await this.sign(batch, endpoint, signedAt);
    let sent: SentAttempt[] = [];
    let senderFailed = false;
    if (signed.length > 0) {
      try {
        const sender = this.deps.senderObjects.get(this.deps.senderObjects.idFromName(endpoint.id));
        sent = await sender.send(
          signed.map(({ request }) => request),
          signedAt,
        );
      } catch (error) {
        senderFailed = true;
        this.deps.logger.warn("webhook_sender_failed", { webhook_id: endpoint.id, error: String(error) });
      }
    }
    // The endpoint may have changed (or gone) while the requests were out: read once, then kept by record().
    let current = this.deps.endpoints.get(endpoint.id);
    const recorded: RecordedAttempt[] = [];
    sent.forEach((attempt, i) => {
      const delivery = signed[i]?.delivery;
      if (delivery && current) current = this.record(delivery, current, attempt, recorded);
    });
    deliveries.recordAttempts(recorded);
    // What the sender did not get to goes next (after a failure it stopped at), or soon if the sender broke.
    const rest = signed.slice(sent.length).map(({ delivery }) => delivery.id);
    deliveries.postpone(rest, senderFailed ? Date.now() + BACKSTOP_MS : Date.now());
    this.syncAlarm();
    return batch.length - rest.length;
  }

  /** The batch's requests; a delivery that cannot be signed gets its failed attempt recorded instead. */
  private async sign(batch: DueDelivery[], endpoint: EndpointRecord, now: number) {
    const signed: { delivery: DueDelivery; request: WebhookRequest }[] = [];
    const events = this.deps.log.getMany(batch.map((delivery) => delivery.eventSeq));
    for (const delivery of batch) {
      const event = events.get(delivery.eventSeq);
      const request = event ? await this.request(endpoint, event, now) : "The event is no longer in the log";
      if (typeof request === "string") this.recordFresh(delivery, endpoint.id, { ...noAttempt(request), at: now });
      else signed.push({ delivery, request });
    }
    return signed;
  }

  /** record() with the endpoint as it is now (it may have changed, or gone, while the request was out). */
  private recordFresh(delivery: DueDelivery, endpointId: string, attempt: SentAttempt): void {
    const current = this.deps.endpoints.get(endpointId);
    if (!current) return;
    const recorded: RecordedAttempt[] = [];
    this.record(delivery, current, attempt, recorded);
    this.deps.deliveries.recordAttempts(recorded);
  }

  /**
   * Applies the policy to one attempt: the delivery's new state (added to `recorded`, which the caller writes), and
   * the endpoint's failure clock or disabling. Returns the endpoint as it now stands.
   */
  private record(
    delivery: DueDelivery,
    current: EndpointRecord,
    attempt: SentAttempt,
    recorded: RecordedAttempt[],
  ): EndpointRecord {
    const { deliveries, endpoints } = this.deps;
    const endpointId = current.id;
    const now = Date.now();
    const decision = decideAfterAttempt({
      statusCode: attempt.statusCode,
      retryAfterSeconds: attempt.retryAfterSeconds,
      failedBefore: delivery.failedInRound,
      failingSince: current.failingSince,
      now,
      random: Math.random(),
    });
    const keepTrying = decision.delivery === "pending" && current.enabled;
    recorded.push({
      delivery,
      attempt,
      status: keepTrying || decision.delivery !== "pending" ? decision.delivery : "failed",
      nextAttemptAt: keepTrying ? decision.nextAttemptAt : null,
    });
    if (decision.failingSince === current.failingSince && !(decision.disable && current.enabled)) return current;
    const updated: EndpointRecord = { ...current, failingSince: decision.failingSince };
    if (decision.disable && current.enabled) {
      Object.assign(updated, {
        enabled: false,
        disabledReason: decision.disable,
        disabledAt: new Date(now).toISOString(),
        updatedAt: new Date(now).toISOString(),
      });
      // What is recorded so far is written first, so that giving up the pending ones covers this attempt's too.
      deliveries.recordAttempts(recorded.splice(0));
      deliveries.failPending(endpointId, now);
      this.deps.logger.warn("webhook_endpoint_disabled", { webhook_id: endpointId, reason: decision.disable });
    }
    endpoints.save(updated);
    return updated;
  }

  /** The signed request of one event, or why it could not be signed. */
  private async request(endpoint: EndpointRecord, event: LoggedEvent, now: number): Promise<WebhookRequest | string> {
    const timestampSeconds = Math.floor(now / 1000);
    try {
      const signature = await signatureHeader(
        await this.deps.keys.for(endpoint, now),
        event.id,
        timestampSeconds,
        event.body,
      );
      return {
        url: endpoint.url,
        id: event.id,
        timestampSeconds,
        signature,
        body: event.body,
        userAgent: this.deps.userAgent,
      };
    } catch (error) {
      this.deps.logger.error("webhook_signing_failed", { webhook_id: endpoint.id, error: String(error) });
      return "The endpoint's signing secret could not be read (was TOKEN_SIGNING_SECRET changed?)";
    }
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
