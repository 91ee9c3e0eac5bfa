import { DomainError } from "../domain-error";
import type { DeliveryStatus } from "./delivery-store";
import type { ProjectEventInput, ProjectEventType } from "./event-types";
import type { EventsOutcome } from "./events-outcome";
import type { ProjectEventsObject } from "./project-events-object";
import type { EndpointChanges, NewEndpoint } from "./webhook-endpoints";

export type ProjectEventsNamespace = DurableObjectNamespace<ProjectEventsObject>;

function value<T>(outcome: EventsOutcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw new DomainError(outcome.code, outcome.message);
}

/**
 * A project's event log and webhooks, seen from the rest of the Worker: the one place that addresses the
 * project's Durable Object. Refusals come back as values and leave here as DomainErrors. Return types are the RPC types on purpose
 * (see jobs/job-client.ts).
 */
export class ProjectEventsClient {
  private readonly stub: DurableObjectStub<ProjectEventsObject>;

  constructor(
    namespace: ProjectEventsNamespace,
    private readonly projectId: string,
  ) {
    this.stub = namespace.get(namespace.idFromName(projectId));
  }

  /** Adds events to the log (ids it has are skipped) and starts their deliveries. */
  append(events: ProjectEventInput[]) {
    return this.stub.append(events);
  }

  async createEndpoint(input: NewEndpoint) {
    return value(await this.stub.createEndpoint(this.projectId, input));
  }

  listEndpoints() {
    return this.stub.listEndpoints(this.projectId);
  }

  async getEndpoint(id: string) {
    return value(await this.stub.getEndpoint(this.projectId, id));
  }

  async updateEndpoint(id: string, changes: EndpointChanges) {
    return value(await this.stub.updateEndpoint(this.projectId, id, changes));
  }

  async deleteEndpoint(id: string) {
    value(await this.stub.deleteEndpoint(id));
  }

  async rotateSecret(id: string) {
    return value(await this.stub.rotateSecret(this.projectId, id));
  }

  async sendTest(id: string) {
    return value(await this.stub.sendTest(this.projectId, id));
  }

  async listDeliveries(id: string, query: { status?: DeliveryStatus; limit: number; after?: [string, string] }) {
    return value(await this.stub.listDeliveries(id, query));
  }

  async retryDelivery(id: string, deliveryId: string) {
    return value(await this.stub.retryDelivery(id, deliveryId));
  }

  async replay(id: string, since: string) {
    return value(await this.stub.replay(id, since));
  }

  /** The live stream: SSE, or a WebSocket when `upgrade` is set. CONFLICT when the log no longer has lastEventId. */
  async events(options: { upgrade: boolean; lastEventId?: string; types?: readonly ProjectEventType[] }) {
    const url = new URL(`https://project-events.internal/${options.upgrade ? "ws" : "events"}`);
    if (options.lastEventId) url.searchParams.set("last_event_id", options.lastEventId);
    if (options.types?.length) url.searchParams.set("types", options.types.join(","));
    const headers = new Headers();
    if (options.upgrade) headers.set("Upgrade", "websocket");
    const response = await this.stub.fetch(url, { headers });
    if (response.status === 409) {
      throw new DomainError(
        "CONFLICT",
        `Event ${options.lastEventId} is not in the project's log (older than the retention window, or not an event of this project); reconnect without it`,
      );
    }
    return response;
  }
}
