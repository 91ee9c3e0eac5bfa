import type { DeliveryStore } from "./delivery-store";
import {
  type EndpointEvents,
  type EndpointRecord,
  type EndpointStore,
  type EndpointView,
  endpointView,
  MAX_ENDPOINTS,
} from "./endpoint-store";
import { type EventsOutcome, ok, refuse } from "./events-outcome";
import { sealSecret } from "./secret-box";
import type { SigningKeys } from "./signing-keys";
import { newSigningSecret } from "./webhook-signature";

/** How long deliveries carry the previous secret's signature after a rotation. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

export interface NewEndpoint {
  url: string;
  events: EndpointEvents;
  description: string | null;
  enabled: boolean;
}

export type EndpointChanges = Partial<NewEndpoint>;

/** An endpoint with its signing secret: the answer of creation and rotation only. */
export interface EndpointWithSecret {
  endpoint: EndpointView;
  secret: string;
}

const newEndpointId = () => `wh_${crypto.randomUUID().replaceAll("-", "")}`;

/**
 * Managing a project's endpoints: the rules (at most 20, secrets sealed before they are stored, 24 hours of both
 * signatures after a rotation, disabling gives up pending deliveries) over the endpoint and delivery stores.
 */
export class WebhookEndpoints {
  constructor(
    private readonly endpoints: EndpointStore,
    private readonly deliveries: DeliveryStore,
    private readonly keys: SigningKeys,
    private readonly boxKey: () => Promise<CryptoKey>,
  ) {}

  async create(projectId: string, input: NewEndpoint): Promise<EventsOutcome<EndpointWithSecret>> {
    if (this.endpoints.count() >= MAX_ENDPOINTS) {
      return refuse("CONFLICT", `A project has at most ${MAX_ENDPOINTS} webhook endpoints; delete one first`);
    }
    const id = newEndpointId();
    const secret = newSigningSecret();
    const sealed = await sealSecret(await this.boxKey(), secret, id);
    // Counted again after the await: another creation may have taken the last place meanwhile.
    if (this.endpoints.count() >= MAX_ENDPOINTS) {
      return refuse("CONFLICT", `A project has at most ${MAX_ENDPOINTS} webhook endpoints; delete one first`);
    }
    const now = new Date().toISOString();
    const record: EndpointRecord = {
      id,
      url: input.url,
      description: input.description,
      events: input.events,
      enabled: input.enabled,
      disabledReason: input.enabled ? null : "manual",
      disabledAt: input.enabled ? null : now,
      secret: sealed,
      previousSecret: null,
      previousSecretUntil: null,
      failingSince: null,
      createdAt: now,
      updatedAt: now,
    };
    this.endpoints.save(record);
    return ok({ endpoint: endpointView(projectId, record), secret });
  }

  list(projectId: string): EndpointView[] {
    const now = Date.now();
    return this.endpoints.list().map((record) => endpointView(projectId, record, now));
  }

  get(projectId: string, id: string): EventsOutcome<EndpointView> {
    const record = this.endpoints.get(id);
    return record ? ok(endpointView(projectId, record)) : notFound(id);
  }

  update(projectId: string, id: string, changes: EndpointChanges): EventsOutcome<EndpointView> {
    const record = this.endpoints.get(id);
    if (!record) return notFound(id);
    const now = new Date();
    const updated: EndpointRecord = {
      ...record,
      url: changes.url ?? record.url,
      events: changes.events ?? record.events,
      description: changes.description === undefined ? record.description : changes.description,
      updatedAt: now.toISOString(),
    };
    if (changes.enabled === false && record.enabled) {
      Object.assign(updated, { enabled: false, disabledReason: "manual", disabledAt: now.toISOString() });
      this.deliveries.failPending(id, now.getTime());
    } else if (changes.enabled === true && !record.enabled) {
      // Enabling starts afresh: the three-day clock too.
      Object.assign(updated, { enabled: true, disabledReason: null, disabledAt: null, failingSince: null });
    }
    this.endpoints.save(updated);
    return ok(endpointView(projectId, updated));
  }

  delete(id: string): EventsOutcome<null> {
    if (!this.endpoints.get(id)) return notFound(id);
    this.deliveries.deleteForEndpoint(id);
    this.endpoints.delete(id);
    this.keys.forget(id);
    return ok(null);
  }

  /** A new secret; the old one keeps signing alongside it for ROTATION_OVERLAP_MS. */
  async rotate(projectId: string, id: string): Promise<EventsOutcome<EndpointWithSecret>> {
    if (!this.endpoints.get(id)) return notFound(id);
    const secret = newSigningSecret();
    const sealed = await sealSecret(await this.boxKey(), secret, id);
    // Read again after the await, so a change made meanwhile is kept.
    const record = this.endpoints.get(id);
    if (!record) return notFound(id);
    const now = Date.now();
    const updated: EndpointRecord = {
      ...record,
      secret: sealed,
      previousSecret: record.secret,
      previousSecretUntil: now + ROTATION_OVERLAP_MS,
      updatedAt: new Date(now).toISOString(),
    };
    this.endpoints.save(updated);
    return ok({ endpoint: endpointView(projectId, updated, now), secret });
  }
}

export const notFound = <T>(id: string): EventsOutcome<T> => refuse("NOT_FOUND", `Webhook endpoint ${id} not found`);
