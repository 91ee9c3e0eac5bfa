// `npm run bench:tus [-- --size-mb 500] [--profile <file.cpuprofile>]`
// Uploads one generated file through the one-shot multipart route (POST /videos) and through tus
// (tus-js-client, 5 MiB and 50 MiB chunks) on the same local stack, checks every stored checksum, and
// prints tus throughput as a ratio to the one-shot route, with workerd's peak RSS growth during each.
// After an untimed 32 MiB warm-up through both routes, the one-shot route is timed first and again after every
// tus run, and each tus run is compared with the mean of the one-shots just before and after it: this machine's
// speed drifts by up to a third within a run (one-shot 8.1 s first, 11.5 s last). The local state
// (R2 objects, D1, Durable Objects) lives in memory (/dev/shm, or BENCH_PERSIST_DIR): on disk, every path
// after the first paid for the writeback of the gigabytes the earlier ones had written.
// `--profile <file>` samples the Worker's isolate over the inspector during the raw PATCH and prints the
// functions with the most self time (files for the other tus runs get their label in the name).
// `--only raw,5,50` picks the tus runs; `--rss-every <n>` prints workerd's RSS after every n-th chunk.
import { randomBytes } from "node:crypto";
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { Upload } from "tus-js-client";
import { startLocalStack } from "../stack/local-stack";
import { generateUploadFile } from "./upload-file";
import { startProfile } from "./workerd-profile";

const arg = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
};
const MiB = 1024 * 1024;
const sizeMb = Number(arg("size-mb") ?? 500);
const port = Number(arg("port") ?? 8817);
const size = Math.round(sizeMb * MiB);
const profileFile = arg("profile");
const WARM_UP_BYTES = 32 * MiB;
const INSPECTOR_PORT = port + 2;
const only = (arg("only") ?? "raw,5,50").split(",");
const rssEvery = Number(arg("rss-every") ?? 0);
/** The workerd process tree's root, for --rss-every. */
let rssRoot = 0;
const ADMIN_KEY = "bench-tus-admin-key";
const AUTH = { Authorization: `Bearer ${ADMIN_KEY}` };

/** Resident memory of every workerd process under `root`, in MB. */
function workerdRssMb(root: number): number {
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "workerd") {
        total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
      }
      queue.push(
        ...readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number),
      );
    } catch {
      // process gone
    }
  }
  return total / 1024;
}

/** CPU seconds (user + system) every workerd process under `root` has used so far. */
function workerdCpuSeconds(root: number): number {
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "workerd") {
        const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
        total += (Number(fields[11]) + Number(fields[12])) / tick;
      }
      queue.push(
        ...readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number),
      );
    } catch {
      // process gone
    }
  }
  return total;
}

interface Run {
  label: string;
  seconds: number;
  rssGrowthMb: number;
  /** workerd's CPU time during the run: less disturbed than wall time on a shared machine. */
  cpuSeconds: number;
}

async function timed(label: string, root: number, work: () => Promise<void>, profileTo?: string): Promise<Run> {
  const profile = profileTo ? await startProfile(new URL(`ws://127.0.0.1:${INSPECTOR_PORT}`), profileTo) : undefined;
  const baseline = workerdRssMb(root);
  const cpuBefore = workerdCpuSeconds(root);
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, workerdRssMb(root));
  }, 50);
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  if (profile) console.log(JSON.stringify(await profile.stop(30), null, 1));
  const run = { label, seconds, rssGrowthMb: peak - baseline, cpuSeconds: workerdCpuSeconds(root) - cpuBefore };
  console.log(`  ${label}: ${run.seconds.toFixed(2)} s (workerd CPU ${run.cpuSeconds.toFixed(2)} s)`);
  return run;
}

function oneShot(apiUrl: string, file: string, projectId: string): Promise<StoredAsset> {
  const boundary = `----bench${randomBytes(8).toString("hex")}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.mp4"\r\nContent-Type: video/mp4\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${apiUrl}/projects/${projectId}/videos`,
      {
        method: "POST",
        headers: {
          ...AUTH,
          "Content-Type": `multipart/form-data; boundary=${boundary}`,
          "Content-Length": String(head.length + statSync(file).size + tail.length),
        },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => {
          text += chunk;
        });
        response.on("end", () =>
          response.statusCode === 201
            ? resolve(JSON.parse(text))
            : reject(new Error(`one-shot: ${response.statusCode} ${text}`)),
        );
      },
    );
    request.on("error", reject);
    Readable.from(
      (async function* () {
        yield head;
        yield* createReadStream(file, { highWaterMark: MiB });
        yield tail;
      })(),
    ).pipe(request);
  });
}

/** Completion time: from the last but one chunk's acknowledgement to success (the final PATCH assembles, hashes, registers). */
const finals: Record<string, number> = {};

function tus(apiUrl: string, file: string, projectId: string, chunkSize: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let lastAck = performance.now();
    let previousAck = lastAck;
    let chunks = 0;
    const upload = new Upload(createReadStream(file), {
      endpoint: `${apiUrl}/projects/${projectId}/uploads`,
      headers: AUTH,
      chunkSize,
      uploadSize: size,
      // wrangler dev restarts the Worker when files change (shared tree); tus resumes, as a client should.
      retryDelays: [500, 1000, 2000, 4000, 8000],
      metadata: { filename: "bench.mp4", filetype: "video/mp4" },
      onChunkComplete: (_size, sent) => {
        chunks++;
        if (rssEvery > 0 && chunks % rssEvery === 0) {
          console.log(
            `    ${chunks} PATCHes, ${Math.round(sent / MiB)} MiB: workerd RSS ${workerdRssMb(rssRoot).toFixed(0)} MB`,
          );
        }
        previousAck = lastAck;
        lastAck = performance.now();
      },
      onSuccess: () => {
        finals[projectId] = (lastAck - previousAck) / 1000;
        resolve(upload.url!);
      },
      onError: reject,
    });
    upload.start();
  });
}

/** tus without a client library: create, then one PATCH streaming the whole file (the server's own throughput). */
async function tusSinglePatch(apiUrl: string, file: string, projectId: string): Promise<string> {
  const length = statSync(file).size;
  const created = await fetchRetrying(`${apiUrl}/projects/${projectId}/uploads`, {
    method: "POST",
    headers: {
      ...AUTH,
      "Tus-Resumable": "1.0.0",
      "Upload-Length": String(length),
      "Upload-Metadata": `filename ${btoa("bench.mp4")}`,
    },
  });
  const location = created.headers.get("location");
  if (created.status !== 201 || !location) throw new Error(`create: ${created.status} ${await created.text()}`);
  // If wrangler dev restarts the Worker mid-PATCH, do what a tus client does: HEAD, then go on from there.
  for (let attempt = 1; ; attempt++) {
    const head = await fetchRetrying(location, { method: "HEAD", headers: { ...AUTH, "Tus-Resumable": "1.0.0" } });
    const offset = Number(head.headers.get("upload-offset"));
    if (offset === length) break;
    try {
      await patchFrom(location, file, offset, length);
    } catch (error) {
      if (attempt >= 5) throw error;
      console.log(`  raw PATCH interrupted at offset ${offset} (${error}); resuming`);
    }
  }
  return location;
}

function patchFrom(location: string, file: string, offset: number, length: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const request = http.request(
      location,
      {
        method: "PATCH",
        headers: {
          ...AUTH,
          "Tus-Resumable": "1.0.0",
          "Upload-Offset": String(offset),
          "Content-Type": "application/offset+octet-stream",
          "Content-Length": String(length - offset),
        },
      },
      (response) => {
        response.resume();
        response.on("end", () =>
          response.statusCode === 204 ? resolve() : reject(new Error(`PATCH: ${response.statusCode}`)),
        );
      },
    );
    request.on("error", reject);
    createReadStream(file, { start: offset, highWaterMark: MiB }).on("error", reject).pipe(request);
  });
}

/** fetch, retried a few times when wrangler dev drops the connection while restarting the Worker. */
async function fetchRetrying(url: string, init: RequestInit): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(url, init);
      if (res.status !== 503 || attempt >= 5) return res;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
  }
}

interface StoredAsset {
  checksum: string;
  ingest_job_id: string | null;
}
const ingestJobs: { projectId: string; jobId: string | null }[] = [];

async function assetChecksum(apiUrl: string, projectId: string, uploadUrl: string): Promise<string> {
  const head = await fetchRetrying(uploadUrl, { method: "HEAD", headers: { ...AUTH, "Tus-Resumable": "1.0.0" } });
  const assetId = head.headers.get("asset-id");
  const res = await fetchRetrying(`${apiUrl}/projects/${projectId}/videos/${assetId}`, { headers: AUTH });
  const asset = (await res.json()) as StoredAsset;
  ingestJobs.push({ projectId, jobId: asset.ingest_job_id });
  return asset.checksum;
}

/**
 * Every upload starts an ingest job that streams the whole file to the media service. The bench file is not
 * a real video, so the job fails, but it must finish before the next run is timed, or it competes with it.
 */
async function settleIngest(apiUrl: string): Promise<void> {
  for (const { projectId, jobId } of ingestJobs.splice(0)) {
    const deadline = Date.now() + 300_000;
    while (jobId && Date.now() < deadline) {
      const res = await fetchRetrying(`${apiUrl}/projects/${projectId}/jobs/${jobId}`, { headers: AUTH });
      const { status } = (await res.json()) as { status: string };
      if (["completed", "failed", "cancelled"].includes(status)) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

const work = mkdtempSync(path.join(os.tmpdir(), "bench-tus-"));
const stateRoot = process.env.BENCH_PERSIST_DIR ?? (existsSync("/dev/shm") ? "/dev/shm" : os.tmpdir());
const state = mkdtempSync(path.join(stateRoot, "bench-tus-state-"));
try {
  const file = path.join(work, "bench.mp4");
  console.log(`Generating ${sizeMb} MiB test file...`);
  const checksum = await generateUploadFile(file, size);
  console.log("Starting the local stack (wrangler dev + media service)...");
  const stack = await startLocalStack({
    port,
    mediaPort: port + 1,
    persistTo: state,
    inspectorPort: INSPECTOR_PORT,
    env: { ADMIN_API_KEY: ADMIN_KEY, UPLOAD_MAX_SIZE: String(size + MiB), LOG_LEVEL: "WARNING", JOB_MAX_ATTEMPTS: "1" },
  });
  const runs: (Run | (Run & { oneShotsBefore: number }))[] = [];
  const oneShots: Run[] = [];
  try {
    const workerd = stack.workerdPid();
    if (!workerd) throw new Error("workerd process not found");
    const root = Number(readFileSync(`/proc/${workerd}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
    // A one-shot upload cannot resume: if wrangler dev restarts the Worker mid-request it is sent again,
    // and only the attempt that succeeded is timed.
    const timeOneShot = async (label: string) => {
      for (let attempt = 1; ; attempt++) {
        const projectId = `bench-oneshot-${oneShots.length}-${attempt}`;
        try {
          const run = await timed(label, root, async () => {
            const asset = await oneShot(stack.apiUrl, file, projectId);
            ingestJobs.push({ projectId, jobId: asset.ingest_job_id });
            if (asset.checksum !== checksum) throw new Error("one-shot stored different bytes");
          });
          oneShots.push(run);
          runs.push(run);
          return;
        } catch (error) {
          if (attempt >= 3) throw error;
          console.log("Worker restarted mid-request (a file changed); sending the one-shot upload again");
        }
      }
    };
    // Untimed warm-up through both routes first: the first upload of a fresh stack paid for loading and compiling
    // the Worker's code and creating the local storage files (the first one-shot took 12.8-18.0 s, the last
    // 8.7-11.7 s), which made the mean one-shot time favour tus.
    const warm = path.join(work, "warm.mp4");
    await generateUploadFile(warm, WARM_UP_BYTES);
    const warmAsset = await oneShot(stack.apiUrl, warm, "bench-warm-oneshot");
    ingestJobs.push({ projectId: "bench-warm-oneshot", jobId: warmAsset.ingest_job_id });
    await assetChecksum(stack.apiUrl, "bench-warm-tus", await tusSinglePatch(stack.apiUrl, warm, "bench-warm-tus"));
    await settleIngest(stack.apiUrl);
    await timeOneShot("one-shot POST /videos");
    rssRoot = root;
    /** A tus run, then a one-shot: each tus run is compared with the one-shots just before and after it. */
    const timeTus = async (label: string, work: () => Promise<void>, profileTo?: string) => {
      await settleIngest(stack.apiUrl);
      const run = { ...(await timed(label, root, work, profileTo)), oneShotsBefore: oneShots.length };
      runs.push(run);
      await settleIngest(stack.apiUrl);
      await timeOneShot(`one-shot after ${label.replace(/^tus, /, "")}`);
    };
    if (only.includes("raw"))
      await timeTus(
        "tus, one raw PATCH",
        async () => {
          const url = await tusSinglePatch(stack.apiUrl, file, "bench-tus-raw");
          if ((await assetChecksum(stack.apiUrl, "bench-tus-raw", url)) !== checksum)
            throw new Error("tus stored different bytes");
        },
        profileFile,
      );
    for (const chunkMb of [5, 50].filter((mb) => only.includes(String(mb)))) {
      const projectId = `bench-tus-${chunkMb}`;
      await timeTus(
        `tus, ${chunkMb} MiB PATCHes`,
        async () => {
          const url = await tus(stack.apiUrl, file, projectId, chunkMb * MiB);
          if ((await assetChecksum(stack.apiUrl, projectId, url)) !== checksum)
            throw new Error("tus stored different bytes");
        },
        profileFile?.replace(/(\.cpuprofile)?$/, `-${chunkMb}mib$1`),
      );
    }
  } finally {
    await stack.stop();
  }
  const meanSeconds = (of: Run[]) => of.reduce((sum, run) => sum + run.seconds, 0) / of.length;
  console.log(
    `\nUpload of ${sizeMb} MiB (${size} bytes), MB = 10^6 bytes, checksums verified, state in ${stateRoot}; ratio = mean time of the one-shots just before and after a tus run / its time (for a one-shot: mean of all one-shots, ${meanSeconds(oneShots).toFixed(2)} s / its time)`,
  );
  for (const run of runs) {
    const rate = size / 1e6 / run.seconds;
    const neighbours =
      "oneShotsBefore" in run ? oneShots.slice(run.oneShotsBefore - 1, run.oneShotsBefore + 1) : oneShots;
    const ratio = meanSeconds(neighbours) / run.seconds;
    const final = finals[run.label.replace(/^tus, (\d+) MiB PATCHes$/, "bench-tus-$1")];
    console.log(
      `${run.label.padEnd(30)} ${rate.toFixed(1).padStart(7)} MB/s ${run.seconds.toFixed(2).padStart(7)} s  ratio ${ratio.toFixed(2)}  workerd CPU ${run.cpuSeconds.toFixed(1).padStart(5)} s  RSS +${run.rssGrowthMb.toFixed(0)} MB${final === undefined ? "" : `  (last PATCH incl. completion ${final.toFixed(2)} s)`}`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
  rmSync(state, { recursive: true, force: true });
}
