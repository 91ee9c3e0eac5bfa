/**
 * The media service stand-in of `bench:scale`: answers POST /v1/probe (the one op ingest calls) in the framed
 * protocol after `opMs`, with fixed probe fields and no files. It counts concurrent runs and, per upload tag
 * (written into each uploaded file), how often its probe was called.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { EVENT_STREAM_CONTENT_TYPE, encodeLine } from "../../container/src/protocol/contract";
import type { ProbeResultData } from "../../container/src/protocol/probe-contract";
import { bearerToken } from "../../container/src/protocol/service-auth";

const RESULT: ProbeResultData = {
  probe: {
    duration: 3,
    width: 320,
    height: 240,
    fps: 25,
    rotation: 0,
    video_codec: "h264",
    audio_codec: null,
    has_audio: false,
    bitrate: 1000,
    container: "mp4",
    size: 64,
  },
  thumbnail: null,
  storyboard: null,
};

/** Marks an upload so the stand-in can tell which job's probe it is serving. */
export const TAG_PREFIX = "scale-tag:";

export interface StandIn {
  url: string;
  /** Probe calls seen per tag. */
  calls: Map<string, number>;
  maxConcurrent(): number;
  close(): Promise<void>;
}

/** Calls must carry `secret` as the real service requires (MEDIA_SERVICE_SECRET). */
export async function startMediaStandIn(port: number, opMs: number, secret: string): Promise<StandIn> {
  const calls = new Map<string, number>();
  let running = 0;
  let max = 0;
  const server = http.createServer(async (req, res) => {
    if (req.method === "GET" && req.url === "/health") {
      res.writeHead(200, { "Content-Type": "application/json" }).end('{"status":"ok"}');
      return;
    }
    if (bearerToken(req.headers.authorization) !== secret) {
      res.writeHead(401, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ error: { code: "UNAUTHORIZED", message: "wrong or missing service secret" } }));
      return;
    }
    if (req.method !== "POST" || req.url !== "/v1/probe") {
      res.writeHead(404, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ error: { code: "NOT_FOUND", message: `${req.method} ${req.url}` } }));
      return;
    }
    running++;
    max = Math.max(max, running);
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString("latin1");
      const tag = body.slice(body.indexOf(TAG_PREFIX) + TAG_PREFIX.length).split(";")[0] ?? "";
      calls.set(tag, (calls.get(tag) ?? 0) + 1);
      res.writeHead(200, { "Content-Type": EVENT_STREAM_CONTENT_TYPE });
      res.write(encodeLine({ type: "progress", percent: 50 }));
      await new Promise((resolve) => setTimeout(resolve, opMs));
      res.end(encodeLine({ type: "result", data: RESULT }));
    } finally {
      running--;
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    maxConcurrent: () => max,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
