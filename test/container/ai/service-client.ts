import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { serve } from "@hono/node-server";
import { createApp } from "../../../container/src/app";
import { parseConfig } from "../../../container/src/config";
import { resolveBinaries } from "../../../container/src/ffmpeg/binaries";
import { ConcurrencyLimiter } from "../../../container/src/limiter";
import { ByteReader } from "../../../container/src/protocol/byte-reader";
import { serviceAuthHeaders } from "../../../container/src/protocol/service-auth";
import { testFfmpegSource } from "../../media/generate";

export interface MediaService {
  url: string;
  secret: string;
  tmpDir: string;
  close(): Promise<void>;
}

/** The real media service app in-process on a loopback port, configured through env strings like production. */
export async function startMediaService(env: Record<string, string>): Promise<MediaService> {
  const tmpDir = await mkdtemp(path.join(os.tmpdir(), "ai-service-"));
  const secret = randomBytes(32).toString("hex");
  const config = parseConfig({
    FFMPEG_SOURCE: testFfmpegSource(),
    MEDIA_TMP_DIR: tmpDir,
    MEDIA_MAX_CONCURRENCY: "4",
    LOG_LEVEL: "ERROR",
    MEDIA_SERVICE_SECRET: secret,
    ...env,
  });
  const ffmpeg = await resolveBinaries({ prefer: config.FFMPEG_SOURCE });
  const app = createApp({ config, limiter: new ConcurrencyLimiter(config.MEDIA_MAX_CONCURRENCY, 0), ffmpeg });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    secret,
    tmpDir,
    close: async () => {
      await new Promise((resolve) => server.close(() => resolve(undefined)));
      await rm(tmpDir, { recursive: true, force: true });
    },
  };
}

export type ServiceEvent = { type: string } & Record<string, unknown>;

/** Posts a framed request (header line + input files) and reads the ndjson answer to its end. */
export async function postOp(
  service: MediaService,
  op: string,
  options: Record<string, unknown>,
  files: Record<string, string> = {},
  init: { onEvent?: (event: ServiceEvent) => void; signal?: AbortSignal } = {},
): Promise<{ status: number; events: ServiceEvent[]; body?: unknown }> {
  const inputs = await Promise.all(
    Object.entries(files).map(async ([name, file]) => ({ name, file, size: (await stat(file)).size })),
  );
  const header = `${JSON.stringify({ ...options, inputs: inputs.map(({ name, size }) => ({ name, size })) })}\n`;
  async function* body() {
    yield Buffer.from(header);
    for (const input of inputs) yield* createReadStream(input.file);
  }
  const response = await fetch(`${service.url}/v1/${op}`, {
    method: "POST",
    headers: serviceAuthHeaders(service.secret),
    body: Readable.toWeb(Readable.from(body())) as ReadableStream<Uint8Array>,
    duplex: "half",
    signal: init.signal,
  } as RequestInit);
  if (response.status !== 200 || !response.body)
    return { status: response.status, events: [], body: await response.json() };
  const reader = ByteReader.from(response.body);
  const events: ServiceEvent[] = [];
  for (;;) {
    const line = await reader.readLine(16 * 1024 * 1024);
    if (line === null) break;
    const event = JSON.parse(line) as ServiceEvent;
    if (event.type === "file") await reader.readExactly(event.size as number, () => {});
    events.push(event);
    init.onEvent?.(event);
  }
  return { status: response.status, events };
}
