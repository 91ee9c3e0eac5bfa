/**
 * A webhook receiver for tests and `npm run bench:webhooks`: a Node HTTP server on loopback that verifies every
 * delivery with the `standardwebhooks` package, the way a customer's server would. Each receiver name
 * (`POST /hooks/<name>`) is one endpoint; tests script and read it over HTTP:
 * - `PUT /control/<name>` `{secrets?, script?, failRate?}`: the secrets to verify with (each is tried alone, so a
 *   test sees which ones a rotation's double signature satisfies), the answers to give next (`{status}`,
 *   `{status, bodyDelayMs}`, or `{hang: true}`, which never answers), and a share of requests to fail with 500 at
 *   random.
 * - `GET /control/<name>`: every request received so far, in order.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

/** `bodyDelayMs` sends the status and headers at once and the body that much later. */
export type ScriptedAnswer = { status: number; body?: string; bodyDelayMs?: number } | { hang: true };

export interface ReceivedWebhook {
  id: string | null;
  timestamp: string | null;
  signature: string | null;
  userAgent: string | null;
  contentType: string | null;
  body: string;
  /** Whether the delivery verified with each configured secret on its own. */
  verified: boolean[];
  /** What the receiver answered: a status, or "hang". */
  answered: number | "hang";
  /** Epoch ms when the body had arrived. */
  receivedAt: number;
}

interface Endpoint {
  secrets: string[];
  script: ScriptedAnswer[];
  failRate: number;
  received: ReceivedWebhook[];
}

export interface WebhookReceiver {
  url: string;
  /** The endpoints' state, for a receiver running in the same process (the benchmark). */
  endpoint(name: string): Endpoint;
  stop(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function verifies(secret: string, body: string, headers: IncomingMessage["headers"]): boolean {
  try {
    new Webhook(secret).verify(body, {
      "webhook-id": String(headers["webhook-id"] ?? ""),
      "webhook-timestamp": String(headers["webhook-timestamp"] ?? ""),
      "webhook-signature": String(headers["webhook-signature"] ?? ""),
    });
    return true;
  } catch {
    return false;
  }
}

export async function startWebhookReceiver(port = 0): Promise<WebhookReceiver> {
  const endpoints = new Map<string, Endpoint>();
  const hanging = new Set<ServerResponse>();
  const endpoint = (name: string) => {
    let found = endpoints.get(name);
    if (!found) {
      found = { secrets: [], script: [], failRate: 0, received: [] };
      endpoints.set(name, found);
    }
    return found;
  };

  const server = createServer(async (request, response) => {
    const [, area, name] = (request.url ?? "").split("?")[0]?.split("/") ?? [];
    const body = await readBody(request);
    if (!name) {
      response.writeHead(404).end();
      return;
    }
    const target = endpoint(decodeURIComponent(name));
    if (area === "control") {
      if (request.method === "PUT") {
        const update = JSON.parse(body || "{}") as Partial<Pick<Endpoint, "secrets" | "script" | "failRate">>;
        Object.assign(target, update);
        response.writeHead(204).end();
      } else {
        response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(target.received));
      }
      return;
    }
    if (area !== "hooks" || request.method !== "POST") {
      response.writeHead(404).end();
      return;
    }
    const scripted = target.script.shift();
    const answer: ScriptedAnswer =
      scripted ?? (Math.random() < target.failRate ? { status: 500, body: "random failure" } : { status: 200 });
    const header = (key: string) => (typeof request.headers[key] === "string" ? String(request.headers[key]) : null);
    target.received.push({
      id: header("webhook-id"),
      timestamp: header("webhook-timestamp"),
      signature: header("webhook-signature"),
      userAgent: header("user-agent"),
      contentType: header("content-type"),
      body,
      verified: target.secrets.map((secret) => verifies(secret, body, request.headers)),
      answered: "hang" in answer ? "hang" : answer.status,
      receivedAt: Date.now(),
    });
    if ("hang" in answer) {
      hanging.add(response);
      response.on("close", () => hanging.delete(response));
      return;
    }
    // With its length, as most web frameworks answer a short body.
    const text = answer.body ?? "ok";
    response.writeHead(answer.status, { "content-type": "text/plain", "content-length": Buffer.byteLength(text) });
    if (!answer.bodyDelayMs) {
      response.end(text);
      return;
    }
    response.flushHeaders();
    setTimeout(() => response.end(text), answer.bodyDelayMs);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    endpoint,
    async stop() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
