/** The real media service app on a loopback port, plus a small client for the framed protocol. For any op's tests. */
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { serve } from "@hono/node-server";
import { createApp } from "../../../container/src/app";
import { parseConfig } from "../../../container/src/config";
import { resolveBinaries } from "../../../container/src/ffmpeg/binaries";
import { ConcurrencyLimiter } from "../../../container/src/limiter";
import { ByteReader } from "../../../container/src/protocol/byte-reader";
import { FileEventSchema } from "../../../container/src/protocol/contract";
import { serviceAuthHeaders } from "../../../container/src/protocol/service-auth";
import { testFfmpegSource } from "../../media/generate";

export interface LogRecord {
  level: "info" | "warn" | "error";
  message: string;
  fields?: Record<string, unknown>;
}

export interface MediaService {
  url: string;
  /** MEDIA_SERVICE_SECRET of this instance; `postOp` sends it. */
  secret: string;
  /** Everything the service logged (op_done, op_failed, op_aborted, ...). */
  logs: LogRecord[];
  /** MEDIA_TMP_DIR of this instance: tests assert it is empty after each request. */
  tmpDir: string;
  limiter: ConcurrencyLimiter;
  /** Aborts all running work, like SIGTERM does in main.ts. */
  shutdown: AbortController;
  close(): Promise<void>;
}

export async function startMediaService(env: Record<string, string> = {}): Promise<MediaService> {
  const tmpDir = await mkdtemp(path.join(os.tmpdir(), "media-service-test-"));
  const secret = randomBytes(32).toString("hex");
  const config = parseConfig({
    FFMPEG_SOURCE: testFfmpegSource(),
    MEDIA_TMP_DIR: tmpDir,
    FFMPEG_THREADS: "2",
    MEDIA_SERVICE_SECRET: secret,
    ...env,
  });
  const ffmpeg = await resolveBinaries({ prefer: config.FFMPEG_SOURCE });
  const limiter = new ConcurrencyLimiter(config.MEDIA_MAX_CONCURRENCY, config.MEDIA_QUEUE_WAIT_MS);
  const shutdown = new AbortController();
  const logs: LogRecord[] = [];
  const logger = {
    info: (message: string, fields?: Record<string, unknown>) => logs.push({ level: "info", message, fields }),
    warn: (message: string, fields?: Record<string, unknown>) => logs.push({ level: "warn", message, fields }),
    error: (message: string, fields?: Record<string, unknown>) => {
      logs.push({ level: "error", message, fields });
      console.error(message, fields);
    },
  };
  const app = createApp({ config, limiter, ffmpeg, logger }, shutdown.signal);
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    secret,
    logs,
    tmpDir,
    limiter,
    shutdown,
    async close() {
      shutdown.abort(new Error("test service closing"));
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(tmpDir, { recursive: true, force: true });
    },
  };
}

/** Pids of ffmpeg/ffprobe processes working inside this service's temp root (read from /proc). */
export async function mediaProcesses(service: MediaService): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "");
    const [binary = "", ...args] = cmdline.split("\0");
    if (/ff(mpeg|probe)$/.test(binary) && args.some((arg) => arg.startsWith(service.tmpDir))) pids.push(Number(entry));
  }
  return pids;
}

/** Entries left in the service's temp root (request workspaces that were not removed). */
export const leftovers = (service: MediaService) => readdir(service.tmpDir);

/** Polls until the temp root is empty (cleanup runs just after the last byte is sent). */
export async function waitForCleanup(service: MediaService, timeoutMs = 5000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = await leftovers(service);
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A framed body: header line, then each file's bytes in header order, streamed from disk. */
export async function framedBody(
  options: Record<string, unknown>,
  files: Record<string, string>,
): Promise<ReadableStream<Uint8Array>> {
  const inputs = await Promise.all(
    Object.entries(files).map(async ([name, file]) => ({ name, file, size: (await stat(file)).size })),
  );
  const header = `${JSON.stringify({ ...options, inputs: inputs.map(({ name, size }) => ({ name, size })) })}\n`;
  async function* chunks() {
    yield Buffer.from(header);
    for (const input of inputs) yield* createReadStream(input.file);
  }
  return Readable.toWeb(Readable.from(chunks())) as ReadableStream<Uint8Array>;
}

export type ServiceEvent = { type: string } & Record<string, unknown>;

export interface OpResponse {
  status: number;
  headers: Headers;
  events: ServiceEvent[];
  /** Files from `file` events, saved under `outDir`, by name. */
  files: Record<string, string>;
  /** JSON body of a non-200 answer. */
  body?: unknown;
}

/** Posts to /v1/<op> (with the service's secret, when it has one) and reads the whole event stream; `onEvent` may abort mid-stream. */
export async function postOp(
  service: Pick<MediaService, "url"> & { secret?: string },
  op: string,
  body: ReadableStream<Uint8Array> | Uint8Array | string,
  init: { signal?: AbortSignal; onEvent?: (event: ServiceEvent) => void; outDir?: string } = {},
): Promise<OpResponse> {
  const response = await fetch(`${service.url}/v1/${op}`, {
    method: "POST",
    headers: service.secret ? serviceAuthHeaders(service.secret) : {},
    body,
    duplex: "half",
    signal: init.signal,
  } as RequestInit);
  if (response.status !== 200 || !response.body) {
    return { status: response.status, headers: response.headers, events: [], files: {}, body: await response.json() };
  }
  const outDir = init.outDir ?? (await mkdtemp(path.join(os.tmpdir(), "media-out-")));
  const reader = ByteReader.from(response.body);
  const events: ServiceEvent[] = [];
  const files: Record<string, string> = {};
  for (;;) {
    const line = await reader.readLine(1024 * 1024);
    if (line === null) break;
    const event = JSON.parse(line) as ServiceEvent;
    events.push(event);
    if (event.type === "file") {
      const file = FileEventSchema.parse(event);
      const target = path.join(outDir, path.basename(file.name));
      const out = createWriteStream(target);
      await reader.readExactly(file.size, (chunk) => {
        out.write(chunk);
      });
      out.end();
      await finished(out);
      files[file.name] = target;
    }
    init.onEvent?.(event);
  }
  return { status: response.status, headers: response.headers, events, files };
}

/** The stream's single terminal event (asserts there is exactly one, and that it is last). */
export function terminalEvent(events: ServiceEvent[]): ServiceEvent {
  const terminals = events.filter((event) => event.type === "result" || event.type === "error");
  if (terminals.length !== 1 || events.at(-1) !== terminals[0]) {
    throw new Error(`expected exactly one terminal event at the end, got ${JSON.stringify(events.map((e) => e.type))}`);
  }
  return terminals[0]!;
}
