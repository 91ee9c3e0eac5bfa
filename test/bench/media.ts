// `npm run bench:media [-- --minutes 10] [-- --runs 5] [-- --port 18795]`
// Ingest cost (probe + poster thumbnail) through the media service — framed upload over loopback into the
// workspace, overlapped with ffprobe and ffmpeg reading it as it arrives, poster streamed back — next to the same
// ffprobe and ffmpeg commands run bare on the file.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import { ffprobeArgs } from "../../container/src/ffmpeg/ffprobe";
import { thumbnailArgs, thumbnailSeekSeconds } from "../../container/src/media/thumbnail";
import { MEDIA_PROCESS_ENV } from "../../container/src/process-env";
import { serviceAuthHeaders } from "../../container/src/protocol/service-auth";
import { generateVideo, testBinaries, testFfmpegSource } from "../media/generate";

const ROOT = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);
const arg = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
};
const minutes = Number(arg("minutes") ?? 10);
const runs = Number(arg("runs") ?? 5);
const port = Number(arg("port") ?? 18795);
const threads = "2";

const phases = { upload: [] as number[], work: [] as number[] };
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function sourceVideo(): Promise<string> {
  // Kept between runs (git-ignored): generating ten minutes of 720p takes a while on a small machine.
  const dir = path.join(ROOT, ".tmp/bench-media");
  const name = `lesson-${minutes}min-720p.mp4`;
  const file = path.join(dir, name);
  if (existsSync(file)) return file;
  await mkdir(dir, { recursive: true });
  console.log(`generating ${minutes} min of 720p (ultrafast, 600 kb/s) ...`);
  const started = Date.now();
  await generateVideo(dir, name, {
    seconds: minutes * 60,
    width: 1280,
    height: 720,
    fps: 25,
    tone: 440,
    preset: "ultrafast",
    videoBitrate: "600k",
    gop: 250,
  });
  console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return file;
}

const secret = randomBytes(32).toString("hex");

async function startService(tmpDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["container/src/main.ts"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "ignore"],
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      FFMPEG_THREADS: threads,
      FFMPEG_SOURCE: testFfmpegSource(),
      MEDIA_TMP_DIR: tmpDir,
      MEDIA_SERVICE_SECRET: secret,
      ...MEDIA_PROCESS_ENV,
    } as unknown as NodeJS.ProcessEnv,
  });
  // The service's own timings (op_inputs_received, op_done) split its time into upload and work.
  child.stdout?.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      const entry = line.startsWith("{") ? (JSON.parse(line) as { message?: string; ms?: number }) : undefined;
      if (entry?.message === "op_inputs_received") phases.upload.push(entry.ms ?? 0);
      if (entry?.message === "op_done") phases.work.push(entry.ms ?? 0);
    }
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`media service exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("media service did not start");
}

type BenchEvent = { type: string; size?: number; bytes?: Buffer };

/** A lean HTTP client (what a Worker does with fetch): the file piped into the framed body, the answer parsed. */
function probeThroughService(url: string, video: string, size: number): Promise<BenchEvent[]> {
  return new Promise((resolve, reject) => {
    const header = Buffer.from(`${JSON.stringify({ inputs: [{ name: "video", size }] })}\n`);
    const request = http.request(`${url}/v1/probe`, {
      method: "POST",
      headers: { "content-length": String(header.length + size), ...serviceAuthHeaders(secret) },
    });
    request.on("error", reject);
    request.on("response", async (response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of response) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const events: BenchEvent[] = [];
      for (let at = 0; at < body.length; ) {
        const end = body.indexOf(10, at);
        const event = JSON.parse(body.toString("utf8", at, end)) as BenchEvent;
        at = end + 1;
        if (event.type === "file") {
          event.bytes = body.subarray(at, at + event.size!);
          at += event.size!;
        }
        events.push(event);
      }
      resolve(events);
    });
    request.write(header);
    pipeline(createReadStream(video, { highWaterMark: 1024 * 1024 }), request).catch(reject);
  });
}

async function main() {
  const video = await sourceVideo();
  const { size } = await stat(video);
  const bins = await testBinaries();
  const work = await mkdtemp(path.join(os.tmpdir(), "bench-media-"));
  const service = await startService(path.join(work, "service"));

  // The service's commands, run bare: the same ffprobe arguments, then the same thumbnail command.
  const bare = async () => {
    const { stdout } = await run(bins.ffprobe, ffprobeArgs(video), { maxBuffer: 16 * 1024 * 1024 });
    const duration = Number(JSON.parse(stdout).format.duration);
    const args = thumbnailArgs(video, path.join(work, "bare.jpg"), thumbnailSeekSeconds(duration));
    await run(bins.ffmpeg, [
      ...args.inputOptions,
      "-i",
      args.input,
      "-y",
      ...args.outputOptions,
      "-threads",
      threads,
      args.output,
    ]);
  };
  const viaService = async () => {
    const events = await probeThroughService(service.url, video, size);
    const file = events.find((event) => event.type === "file");
    if (events.at(-1)?.type !== "result" || !file?.bytes)
      throw new Error(`probe failed: ${JSON.stringify(events.at(-1))}`);
    await writeFile(path.join(work, "service.jpg"), file.bytes);
  };

  try {
    await bare();
    await viaService();
    const bareTimes: number[] = [];
    const serviceTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      for (const [fn, times] of [
        [bare, bareTimes],
        [viaService, serviceTimes],
      ] as const) {
        const started = performance.now();
        await fn();
        times.push(performance.now() - started);
      }
    }
    const b = median(bareTimes);
    const s = median(serviceTimes);
    const bBest = Math.min(...bareTimes);
    const sBest = Math.min(...serviceTimes);
    console.log(
      `\ninput: ${minutes} min 1280x720 H.264/AAC, ${(size / 1024 / 1024).toFixed(1)} MiB; ffmpeg ${bins.version} (${bins.source}); FFMPEG_THREADS=${threads}; ${runs} runs each, interleaved; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`,
    );
    const runsOf = (times: number[]) => times.map((t) => t.toFixed(0)).join(", ");
    console.log(
      `  bare ffprobe + ffmpeg thumbnail:  median ${b.toFixed(0)} ms, best ${bBest.toFixed(0)} ms   (${runsOf(bareTimes)})`,
    );
    console.log(
      `  through the media service:        median ${s.toFixed(0)} ms, best ${sBest.toFixed(0)} ms   (${runsOf(serviceTimes)})`,
    );
    // The first entries are the warm-up call's.
    console.log(
      `  inside the service (medians):     receiving the upload ${median(phases.upload.slice(1))} ms, probe + poster ${median(phases.work.slice(1))} ms (overlapping: the probe reads the input as it arrives)`,
    );
    console.log(
      `  ratio service / bare:             median ${(s / b).toFixed(2)}x, best ${(sBest / bBest).toFixed(2)}x   (target <= 1.20x)`,
    );
  } finally {
    process.kill(-service.child.pid!, "SIGTERM");
    await rm(work, { recursive: true, force: true });
  }
}

await main();
