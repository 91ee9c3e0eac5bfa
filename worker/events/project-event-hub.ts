import type { LoggedEvent } from "./event-log";
import type { ProjectEventType } from "./event-types";
import { SseConnection } from "./sse-connection";

/** Heartbeat interval of project SSE streams. Tests shorten it; nothing else should. */
export const projectEventStreamOptions = { heartbeatMs: 15_000 };

/** `id:` is the event's webhook-id, so Last-Event-ID resumes after it; `event:` is its type. */
export const sseEventFrame = (event: LoggedEvent) => `id: ${event.id}\nevent: ${event.type}\ndata: ${event.body}\n\n`;

/** The webhook body with the event id in front: `{"id", "type", "timestamp", "data"}`. */
export const wsEventMessage = (event: LoggedEvent) => `{"id":${JSON.stringify(event.id)},${event.body.slice(1)}`;

interface Subscription {
  /** Null: every type. */
  types: ProjectEventType[] | null;
}

const encoder = new TextEncoder();
const wants = (types: readonly ProjectEventType[] | null, event: LoggedEvent) =>
  types === null || types.includes(event.type as ProjectEventType);

/**
 * Fans the project's events out to its live subscribers, each with its own type filter. WebSockets use the
 * hibernation API and keep their filter in their attachment, so they survive the object sleeping; SSE streams
 * live as long as this instance.
 */
export class ProjectEventHub {
  private readonly sse = new Map<SseConnection, Subscription>();
  // Attachments are read once per socket and instance, not once per event.
  private readonly socketFilters = new WeakMap<WebSocket, Subscription>();

  constructor(private readonly ctx: DurableObjectState) {}

  /** A stream that starts with `backlog` (already filtered) and then follows the log. */
  openSse(backlog: LoggedEvent[], types: ProjectEventType[] | null): Response {
    const subscription = { types };
    const client: SseConnection = new SseConnection(
      () => this.sse.delete(client),
      projectEventStreamOptions.heartbeatMs,
    );
    for (const event of backlog) client.write(sseEventFrame(event));
    this.sse.set(client, subscription);
    return client.response;
  }

  openWebSocket(backlog: LoggedEvent[], types: ProjectEventType[] | null): Response {
    const [client, server] = Object.values(new WebSocketPair()) as [WebSocket, WebSocket];
    this.ctx.acceptWebSocket(server, ["events"]);
    const subscription = { types };
    server.serializeAttachment(subscription);
    this.socketFilters.set(server, subscription);
    for (const event of backlog) server.send(wsEventMessage(event));
    return new Response(null, { status: 101, webSocket: client });
  }

  publish(event: LoggedEvent): void {
    let frame: Uint8Array | null = null;
    for (const [client, subscription] of this.sse) {
      if (!wants(subscription.types, event)) continue;
      frame ??= encoder.encode(sseEventFrame(event));
      client.write(frame);
    }
    let message: string | null = null;
    for (const socket of this.ctx.getWebSockets()) {
      if (!wants(this.filterOf(socket).types, event)) continue;
      message ??= wsEventMessage(event);
      try {
        socket.send(message);
      } catch {
        // The socket is already closing; its close handler cleans up.
      }
    }
  }

  private filterOf(socket: WebSocket): Subscription {
    let subscription = this.socketFilters.get(socket);
    if (!subscription) {
      subscription = (socket.deserializeAttachment() as Subscription | null) ?? { types: null };
      this.socketFilters.set(socket, subscription);
    }
    return subscription;
  }
}
