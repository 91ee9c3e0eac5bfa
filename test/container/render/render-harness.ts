import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { serve } from "@hono/node-server";
import { createApp } from "../../../container/src/app";
import { parseConfig } from "../../../container/src/config";
import { resolveBinaries } from "../../../container/src/ffmpeg/binaries";
import { ConcurrencyLimiter } from "../../../container/src/limiter";
import { ByteReader } from "../../../container/src/protocol/byte-reader";
import { serviceAuthHeaders } from "../../../container/src/protocol/service-auth";
import { type RenderResultData, RenderResultDataSchema } from "../../../container/src/render/result";
import { testBinaries, testFfmpegSource } from "../../media/generate";
import { framedBody } from "../media/media-service";

const run = promisify(execFile);

/** Every temp dir this process made, removed by removeTestDirs() in afterAll. */
const testDirs: string[] = [];

async function testDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
  testDirs.push(dir);
  return dir;
}

export async function removeTestDirs(): Promise<void> {
  await Promise.all(testDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export interface RenderService {
  url: string;
  secret: string;
  tmpDir: string;
  close(): Promise<void>;
}

/** The real media service app on a loopback port, with its own temp root so tests can watch it. */
export async function startRenderService(env: Record<string, string> = {}): Promise<RenderService> {
  const tmpDir = await testDir("render-service");
  const secret = randomBytes(32).toString("hex");
  const config = parseConfig({
    MEDIA_SERVICE_SECRET: secret,
    FFMPEG_SOURCE: testFfmpegSource(),
    MEDIA_TMP_DIR: tmpDir,
    FFMPEG_THREADS: "2",
    MEDIA_MAX_CONCURRENCY: "2",
    LOG_LEVEL: "error",
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
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export type RenderEvent = { type: string } & Record<string, unknown>;

export interface RenderResponse {
  status: number;
  events: RenderEvent[];
  /** Files from `file` events, written to a temp dir, by name. */
  files: Record<string, string>;
  body?: unknown;
}

/** Posts a render and collects the event stream; `onEvent` may abort the request mid-stream. */
export async function postRender(
  service: RenderService,
  options: Record<string, unknown>,
  files: Record<string, string>,
  init: { signal?: AbortSignal; onEvent?: (event: RenderEvent) => void } = {},
): Promise<RenderResponse> {
  const response = await fetch(`${service.url}/v1/render`, {
    method: "POST",
    headers: serviceAuthHeaders(service.secret),
    body: await framedBody(options, files),
    duplex: "half",
    signal: init.signal,
  } as RequestInit);
  if (response.status !== 200 || !response.body) {
    return { status: response.status, events: [], files: {}, body: await response.json() };
  }
  const outDir = await testDir("render-out");
  const reader = ByteReader.from(response.body);
  const events: RenderEvent[] = [];
  const written: Record<string, string> = {};
  for (;;) {
    const line = await reader.readLine(1024 * 1024);
    if (line === null) break;
    const event = JSON.parse(line) as RenderEvent;
    events.push(event);
    init.onEvent?.(event);
    if (event.type === "file") {
      const parts: Uint8Array[] = [];
      await reader.readExactly(event.size as number, (chunk) => {
        parts.push(Uint8Array.from(chunk));
      });
      const target = path.join(outDir, event.name as string);
      await writeFile(target, Buffer.concat(parts));
      written[event.name as string] = target;
    }
  }
  return { status: 200, events, files: written };
}

export interface ProbedStream {
  codec_type: string;
  codec_name: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
}

export async function probe(file: string): Promise<{ duration: number; streams: ProbedStream[] }> {
  const { stdout } = await run((await testBinaries()).ffprobe, [
    "-v",
    "error",
    "-print_format",
    "json",
    "-show_format",
    "-show_streams",
    file,
  ]);
  const parsed = JSON.parse(stdout) as { format: { duration: string }; streams: ProbedStream[] };
  return { duration: Number(parsed.format.duration), streams: parsed.streams };
}

/** One decoded frame at `seconds` as packed RGB. */
export async function frameAt(file: string, seconds: number): Promise<{ width: number; height: number; rgb: Buffer }> {
  const { streams } = await probe(file);
  const video = streams.find((stream) => stream.codec_type === "video");
  const { stdout } = await run(
    (await testBinaries()).ffmpeg,
    [
      "-v",
      "error",
      "-ss",
      String(seconds),
      "-i",
      file,
      "-frames:v",
      "1",
      "-f",
      "rawvideo",
      "-pix_fmt",
      "rgb24",
      "pipe:1",
    ],
    { encoding: "buffer", maxBuffer: 64 * 1024 * 1024 },
  );
  return { width: video?.width ?? 0, height: video?.height ?? 0, rgb: stdout };
}

export function pixel(frame: { width: number; rgb: Buffer }, x: number, y: number): [number, number, number] {
  const offset = (Math.round(y) * frame.width + Math.round(x)) * 3;
  return [frame.rgb[offset] ?? -1, frame.rgb[offset + 1] ?? -1, frame.rgb[offset + 2] ?? -1];
}

/** Mean volume (dBFS) of a segment of the audio, optionally band-passed to isolate one tone. */
export async function meanVolume(file: string, from: number, to: number, bandHz?: number): Promise<number> {
  const band = bandHz ? `bandpass=f=${bandHz}:width_type=q:w=4,` : "";
  const { stderr } = await run((await testBinaries()).ffmpeg, [
    "-hide_banner",
    "-nostats",
    "-ss",
    String(from),
    "-t",
    String(to - from),
    "-i",
    file,
    "-af",
    `${band}volumedetect`,
    "-f",
    "null",
    "-",
  ]);
  const match = /mean_volume: (-?[\d.]+|-inf) dB/.exec(stderr);
  if (!match?.[1]) throw new Error(`no volumedetect output: ${stderr}`);
  return match[1] === "-inf" ? Number.NEGATIVE_INFINITY : Number(match[1]);
}

export const scratchDir = testDir;

/** The stream's terminal event must be a `result` matching the op's published schema. */
export function renderResult(response: RenderResponse): RenderResultData {
  const last = response.events.at(-1);
  if (last?.type !== "result") throw new Error(`expected a result event, got ${JSON.stringify(last ?? response.body)}`);
  return RenderResultDataSchema.parse(last.data);
}
