import { DurableObject } from "cloudflare:workers";
import { tokenSigningSecret } from "../auth/auth-mode";
import { type Env, getSettings } from "../env";
import { Logger } from "../logger";
import { type DeliveryStatus, DeliveryStore, type DeliveryView } from "./delivery-store";
import { EndpointStore, type EndpointView } from "./endpoint-store";
import { EventLog, type TestEvent } from "./event-log";
import { newEventId, PROJECT_EVENT_TYPES, type ProjectEventInput, type ProjectEventType } from "./event-types";
import { type EventsOutcome, ok, refuse } from "./events-outcome";
import { ProjectEventHub } from "./project-event-hub";
import { secretBoxKey } from "./secret-box";
import { SigningKeys } from "./signing-keys";
import { WebhookDispatcher } from "./webhook-dispatcher";
import {
  type EndpointChanges,
  type EndpointWithSecret,
  type NewEndpoint,
  notFound,
  WebhookEndpoints,
} from "./webhook-endpoints";

/** A page of deliveries, newest first; `more` says a next page exists after the last item. */
export interface DeliveryPage {
  items: DeliveryView[];
  more: boolean;
}

/**
 * One per project (named by the project id): the project's ordered event log, its live subscribers (SSE and
 * hibernated WebSockets) and its webhook endpoints, deliveries and their schedule, all in its SQLite storage.
 * Producers forward events with append(); the log keeps each id once, so a forward repeated after a crash or a
 * redelivered message adds nothing.
 */
export class ProjectEventsObject extends DurableObject<Env> {
  protected readonly log: EventLog;
  protected readonly deliveries: DeliveryStore;
  protected readonly dispatcher: WebhookDispatcher;
  private readonly endpointStore: EndpointStore;
  private readonly endpoints: WebhookEndpoints;
  private readonly hub: ProjectEventHub;
  private boxKey: Promise<CryptoKey> | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    const settings = getSettings(env);
    const logger = new Logger(settings.LOG_LEVEL, { component: "project_events" });
    const sql = ctx.storage.sql;
    this.log = new EventLog(sql);
    this.endpointStore = new EndpointStore(sql);
    this.deliveries = new DeliveryStore(sql);
    const keys = new SigningKeys(() => this.secretBoxKey());
    this.endpoints = new WebhookEndpoints(this.endpointStore, this.deliveries, keys, () => this.secretBoxKey());
    this.dispatcher = new WebhookDispatcher({
      ctx,
      sql,
      log: this.log,
      endpoints: this.endpointStore,
      deliveries: this.deliveries,
      keys,
      senderObjects: env.WEBHOOK_SENDERS,
      userAgent: `edge-media-webhooks/${settings.APP_VERSION}`,
      logger,
    });
    this.hub = new ProjectEventHub(ctx);
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
  }

  /**
   * Appends events in the given order, skipping ids the log already holds, and starts their deliveries. Returns
   * once they are stored (the producer may then drop its outbox rows); sending goes on in the background.
   */
  async append(events: ProjectEventInput[]): Promise<void> {
    const now = Date.now();
    const woken = new Set<string>();
    for (const event of events) {
      if (!(PROJECT_EVENT_TYPES as readonly string[]).includes(event.type)) continue;
      const logged = this.log.add(event, now);
      if (!logged) continue;
      for (const endpointId of this.dispatcher.fanOut(logged, now)) woken.add(endpointId);
      this.hub.publish(logged);
    }
    void this.dispatcher.wake(woken);
  }

  async createEndpoint(projectId: string, input: NewEndpoint): Promise<EventsOutcome<EndpointWithSecret>> {
    return this.endpoints.create(projectId, input);
  }

  async listEndpoints(projectId: string): Promise<EndpointView[]> {
    return this.endpoints.list(projectId);
  }

  async getEndpoint(projectId: string, id: string): Promise<EventsOutcome<EndpointView>> {
    return this.endpoints.get(projectId, id);
  }

  async updateEndpoint(projectId: string, id: string, changes: EndpointChanges): Promise<EventsOutcome<EndpointView>> {
    const outcome = this.endpoints.update(projectId, id, changes);
    this.dispatcher.syncAlarm();
    return outcome;
  }

  async deleteEndpoint(id: string): Promise<EventsOutcome<null>> {
    const outcome = this.endpoints.delete(id);
    this.dispatcher.syncAlarm();
    return outcome;
  }

  async rotateSecret(projectId: string, id: string): Promise<EventsOutcome<EndpointWithSecret>> {
    return this.endpoints.rotate(projectId, id);
  }

  /** Sends a webhook.test event to this endpoint now (enabled or not) and returns its delivery after the attempt. */
  async sendTest(projectId: string, id: string): Promise<EventsOutcome<DeliveryView>> {
    if (!this.endpointStore.get(id)) return notFound(id);
    const now = Date.now();
    const event: TestEvent = {
      id: newEventId(now),
      type: "webhook.test",
      timestamp: new Date(now).toISOString(),
      data: { webhook_id: id, project_id: projectId, message: "A test event sent from the API" },
    };
    const logged = this.log.add(event, now, id);
    if (!logged) return refuse("CONFLICT", "Could not record the test event");
    const deliveryId = this.deliveries.create(id, logged, now);
    const delivery = this.deliveries.due(deliveryId);
    if (delivery) await this.dispatcher.sendNow(delivery);
    const view = this.deliveries.get(id, deliveryId);
    return view ? ok(view) : notFound(id);
  }

  async listDeliveries(
    id: string,
    query: { status?: DeliveryStatus; limit: number; after?: [string, string] },
  ): Promise<EventsOutcome<DeliveryPage>> {
    if (!this.endpointStore.get(id)) return notFound(id);
    const rows = this.deliveries.list(id, query);
    return ok({ items: rows.slice(0, query.limit), more: rows.length > query.limit });
  }

  /** Starts a delivery over (due now, at the start of the retry schedule) and returns it, pending. */
  async retryDelivery(id: string, deliveryId: string): Promise<EventsOutcome<DeliveryView>> {
    const endpoint = this.endpointStore.get(id);
    if (!endpoint) return notFound(id);
    if (!this.deliveries.get(id, deliveryId)) return refuse("NOT_FOUND", `Delivery ${deliveryId} not found`);
    if (!endpoint.enabled) return refuse("CONFLICT", `Webhook endpoint ${id} is disabled; enable it first`);
    this.deliveries.restart([deliveryId], Date.now());
    void this.dispatcher.wake([id]);
    const view = this.deliveries.get(id, deliveryId);
    return view ? ok(view) : refuse("NOT_FOUND", `Delivery ${deliveryId} not found`);
  }

  /** Starts over every failed delivery of the endpoint created since `since` (ISO 8601). */
  async replay(id: string, since: string): Promise<EventsOutcome<{ replayed: number }>> {
    const endpoint = this.endpointStore.get(id);
    if (!endpoint) return notFound(id);
    if (!endpoint.enabled) return refuse("CONFLICT", `Webhook endpoint ${id} is disabled; enable it first`);
    const ids = this.deliveries.failedSince(id, since);
    this.deliveries.restart(ids, Date.now());
    void this.dispatcher.wake([id]);
    return ok({ replayed: ids.length });
  }

  /**
   * SSE (GET) or WebSocket upgrade: `?last_event_id=` replays what followed that event, `?types=` filters. The route
   * has checked access and the parameters. 409 when the log does not hold that event (older than the retention).
   */
  override async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const typesParam = url.searchParams.get("types");
    const types = typesParam ? (typesParam.split(",") as ProjectEventType[]) : null;
    const lastEventId = url.searchParams.get("last_event_id");
    let backlog: ReturnType<EventLog["after"]> = [];
    if (lastEventId) {
      const seq = this.log.seqOf(lastEventId);
      if (seq === null) return new Response(null, { status: 409 });
      backlog = this.log.after(seq, types ? new Set(types) : null);
    }
    // No await from reading the backlog to subscribing: nothing can fall between them.
    if (request.headers.get("Upgrade")?.toLowerCase() === "websocket") return this.hub.openWebSocket(backlog, types);
    return this.hub.openSse(backlog, types);
  }

  override async webSocketMessage(): Promise<void> {
    // Subscribers only listen; "ping" is answered by the auto-response without waking the object.
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    try {
      ws.close(code, reason);
    } catch {
      // Already closed.
    }
  }

  override async alarm(): Promise<void> {
    await this.dispatcher.onAlarm();
  }

  private secretBoxKey(): Promise<CryptoKey> {
    this.boxKey ??= tokenSigningSecret(getSettings(this.env)).then((secret) => {
      if (!secret) throw new Error("No token signing secret: set TOKEN_SIGNING_SECRET or ADMIN_API_KEY");
      return secretBoxKey(secret);
    });
    this.boxKey.catch(() => {
      this.boxKey = null;
    });
    return this.boxKey;
  }
}
