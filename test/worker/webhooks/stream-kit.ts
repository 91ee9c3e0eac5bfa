import { expect, vi } from "vitest";
import { ADMIN, api } from "./webhook-kit";

/** One event of the project stream, from SSE or WebSocket: its id (the webhook-id), type and the raw body. */
export interface StreamedEvent {
  id: string;
  type: string;
  body: string;
}

/** Opens the project's SSE stream and collects its events as they come (the stream itself never ends). */
export async function openSse(path: string, headers: Record<string, string> = ADMIN) {
  const res = await api(path, { headers });
  expect(res.status, await peekError(res)).toBe(200);
  expect(res.headers.get("Content-Type")).toMatch(/^text\/event-stream/);
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: StreamedEvent[] = [];
  let buffer = "";
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n")) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!block.startsWith("id:")) continue;
        const fields = new Map(
          block.split("\n").map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 2)]),
        );
        events.push({ id: fields.get("id") ?? "", type: fields.get("event") ?? "", body: fields.get("data") ?? "" });
      }
    }
  })();
  return {
    events,
    until: (count: number) => waitForCount(events, count),
    async close() {
      await reader.cancel();
      await pump;
    },
  };
}

/** Opens the project's WebSocket stream and collects its events; the message is the body with the id in front. */
export async function openWebSocket(path: string, headers: Record<string, string> = ADMIN) {
  const res = await api(path, { headers: { ...headers, Upgrade: "websocket" } });
  expect(res.status, await peekError(res)).toBe(101);
  const ws = res.webSocket as WebSocket;
  ws.accept();
  const events: StreamedEvent[] = [];
  ws.addEventListener("message", (message) => {
    const { id, ...body } = JSON.parse(String(message.data)) as { id: string; type: string };
    events.push({ id, type: body.type, body: JSON.stringify(body) });
  });
  return {
    events,
    until: (count: number) => waitForCount(events, count),
    close: () => ws.close(1000),
  };
}

const waitForCount = (events: StreamedEvent[], count: number) =>
  vi.waitFor(
    () => {
      expect(events.length).toBeGreaterThanOrEqual(count);
      return events.slice();
    },
    { timeout: 15_000, interval: 25 },
  );

async function peekError(res: Response): Promise<string> {
  return res.status === 200 || res.status === 101 ? "" : await res.clone().text();
}
