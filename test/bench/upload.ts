// `npm run bench:upload [-- --size-mb 500] [-- --runs 3] [-- --warmup-mb 12] [-- --with-formdata]`
// Uploads one large generated file through the API (the `npm run dev` stack) and, as the ceiling, through
// a bare Worker that does a single R2 put, both on the same local runtime; samples workerd's RSS during each.
// Each runtime first takes one small upload the same way: the first request pays one-off costs (D1 and the
// R2 simulator opening their databases, the job object, compiling the upload path), and the big upload's
// growth should show what streaming the file costs. Both figures are printed.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createReadStream, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { startLocalStack } from "../stack/local-stack";
import { generateUploadFile } from "./upload-file";
import { cpuTicks, parentOf, rssKb, total, workerdTree } from "./workerd-usage";

const ROOT = path.resolve(import.meta.dirname, "../..");
const arg = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : (process.argv[at + 1] ?? "");
};
const sizeMb = Number(arg("size-mb") ?? 500);
const withFormData = process.argv.includes("--with-formdata");
const runs = Math.max(1, Number(arg("runs") ?? 1));
// Above one 5 MiB part, so the warm-up takes the same R2 multipart path as the big file.
const warmupMb = Number(arg("warmup-mb") ?? 12);
const apiPort = Number(arg("port") ?? 8797);
const barePort = apiPort + 1;
const MiB = 1024 * 1024;

interface Measurement {
  seconds: number;
  baselineMb: number;
  peakMb: number;
  /** CPU seconds workerd spent: load-independent, unlike wall time on a shared machine. */
  cpuSeconds: number;
  /** Peak growth of each workerd process (wrangler dev runs an entry proxy and the Worker runtime). */
  growthPerProcessMb: number[];
  status: number;
  body: string;
}

/** Sends a body of known length and samples the workerd process's RSS every 20 ms meanwhile. */
async function measure(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: () => Readable,
  root: number,
): Promise<Measurement> {
  const baseline = rssKb(root);
  let peak = total(baseline);
  const peaks = new Map(baseline);
  const sample = () => {
    const now = rssKb(root);
    peak = Math.max(peak, total(now));
    for (const [pid, kb] of now) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, kb));
  };
  const sampler = setInterval(sample, 20);
  const cpuBefore = cpuTicks(root);
  const started = performance.now();
  try {
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(url, { method, headers }, (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => {
          text += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      });
      request.on("error", reject);
      body().pipe(request);
    });
    sample();
    const cpuAfter = cpuTicks(root);
    const cpu = [...cpuAfter].reduce((sum, [pid, t]) => sum + t - (cpuBefore.get(pid) ?? t), 0) / 100;
    return {
      cpuSeconds: cpu,
      seconds: (performance.now() - started) / 1000,
      baselineMb: total(baseline) / 1024,
      growthPerProcessMb: [...peaks].map(([pid, kb]) => (kb - (baseline.get(pid) ?? 0)) / 1024),
      peakMb: peak / 1024,
      status,
      body: text,
    };
  } finally {
    clearInterval(sampler);
  }
}

function multipartUpload(file: string, size: number) {
  const boundary = `----bench${randomBytes(8).toString("hex")}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.mp4"\r\nContent-Type: video/mp4\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    headers: {
      "Content-Type": `multipart/form-data; boundary=${boundary}`,
      "Content-Length": String(head.length + size + tail.length),
    },
    body: () =>
      Readable.from(
        (async function* () {
          yield head;
          yield* createReadStream(file, { highWaterMark: MiB });
          yield tail;
        })(),
      ),
  };
}

async function startBarePut(persistTo: string): Promise<{ child: ChildProcess; stop: () => Promise<void> }> {
  const child = spawn(
    path.join(ROOT, "node_modules/.bin/wrangler"),
    [
      "dev",
      "-c",
      "test/bench/bare-put/wrangler.toml",
      "--ip",
      "127.0.0.1",
      "--port",
      String(barePort),
      "--persist-to",
      persistTo,
      "--show-interactive-dev-session=false",
    ],
    { cwd: ROOT, env: { ...process.env, CI: "true" }, detached: true, stdio: "pipe" },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      process.kill(-child.pid!, "SIGTERM");
    });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`bare-put worker exited:\n${output}`);
    const ready = await fetch(`http://127.0.0.1:${barePort}/`).then(
      (r) => r.status === 400,
      () => false,
    );
    if (ready) return { child, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`bare-put worker did not start:\n${output}`);
}

/** Runs one measurement against a fresh bare-put Worker, so each starts from the same baseline. */
async function withBarePut<T>(work: string, state: string, run: (root: number) => Promise<T>): Promise<T> {
  const bare = await startBarePut(path.join(work, state));
  try {
    const root = bare.child.pid!;
    if (workerdTree(root).length === 0) throw new Error("workerd process not found");
    return await run(root);
  } finally {
    await bare.stop();
  }
}

const line = (label: string, size: number, m: Measurement) =>
  `${label.padEnd(26)} ${(size / 1e6 / m.seconds).toFixed(1).padStart(7)} MB/s  ${m.seconds.toFixed(2).padStart(6)} s  workerd CPU ${m.cpuSeconds.toFixed(1).padStart(5)} s  RSS ${m.baselineMb.toFixed(0)} -> peak ${m.peakMb.toFixed(0)} MB (+${(m.peakMb - m.baselineMb).toFixed(1)} MB; per process ${m.growthPerProcessMb.map((g) => `+${g.toFixed(1)}`).join(", ")})`;

const work = mkdtempSync(path.join(os.tmpdir(), "bench-upload-"));
const file = path.join(work, "bench.mp4");
const size = Math.round(sizeMb * MiB);
const warmupFile = path.join(work, "warmup.mp4");
const warmupSize = Math.round(warmupMb * MiB);
let warmupChecksum = "";
async function measureApi(
  checksum: string,
  auth: Record<string, string>,
  run: number,
): Promise<{ warm: Measurement; main: Measurement }> {
  const stack = await startLocalStack({
    port: apiPort,
    mediaPort: apiPort + 2,
    persistTo: path.join(work, `api-state-${run}`),
    env: { UPLOAD_MAX_SIZE: String(size + MiB), LOG_LEVEL: "WARNING" },
  });
  try {
    const first = stack.workerdPid();
    if (!first) throw new Error("workerd process not found");
    const upload = async (source: string, bytes: number, expectedChecksum: string) => {
      let api: Measurement;
      // wrangler dev reloads the Worker when a source file changes (others may be editing the tree); retry then.
      for (let attempt = 1; ; attempt++) {
        await fetch(`${stack.apiUrl}/health`);
        const form = multipartUpload(source, bytes);
        api = await measure(
          `${stack.apiUrl}/projects/bench/videos`,
          "POST",
          { ...auth, ...form.headers },
          form.body,
          parentOf(stack.workerdPid() ?? first),
        );
        if (attempt === 8 || !(api.status === 503 && api.body.includes("restarted mid-request"))) break;
        console.log("  the Worker was reloaded mid-upload (source changed); measuring again");
      }
      if (api.status !== 201) throw new Error(`API upload failed: ${api.status} ${api.body}`);
      const asset = JSON.parse(api.body) as { checksum: string; size_bytes: number };
      if (asset.checksum !== expectedChecksum || asset.size_bytes !== bytes) {
        throw new Error(`API stored something else: ${api.body}`);
      }
      return api;
    };
    const warm = await upload(warmupFile, warmupSize, warmupChecksum);
    return { warm, main: await upload(file, size, checksum) };
  } finally {
    await stack.stop();
  }
}

async function measureBarePut(run: number): Promise<{ warm: Measurement; main: Measurement }> {
  const put = (root: number, source: string, bytes: number, key: string) =>
    measure(
      `http://127.0.0.1:${barePort}/${key}`,
      "PUT",
      { "Content-Length": String(bytes), "Content-Type": "video/mp4" },
      () => createReadStream(source, { highWaterMark: MiB }),
      root,
    );
  const puts = await withBarePut(work, `bare-state-${run}`, async (root) => {
    const warm = await put(root, warmupFile, warmupSize, "warmup-object");
    return { warm, main: await put(root, file, size, "bench-object") };
  });
  for (const m of [puts.warm, puts.main]) {
    if (m.status !== 200) throw new Error(`bare put failed: ${m.status} ${m.body}`);
  }
  return puts;
}

try {
  console.log(`Generating ${sizeMb} MiB test file...`);
  const checksum = await generateUploadFile(file, size);
  warmupChecksum = await generateUploadFile(warmupFile, warmupSize);
  const auth: Record<string, string> = process.env.ADMIN_API_KEY
    ? { Authorization: `Bearer ${process.env.ADMIN_API_KEY}` }
    : {};

  const apis: Measurement[] = [];
  const puts: Measurement[] = [];
  const warmApis: Measurement[] = [];
  const warmPuts: Measurement[] = [];
  let form: Measurement | undefined;
  for (let run = 1; run <= runs; run++) {
    console.log(`Run ${run}/${runs}: API through the local stack (wrangler dev + media service)...`);
    const api = await measureApi(checksum, auth, run);
    warmApis.push(api.warm);
    apis.push(api.main);
    console.log(`Run ${run}/${runs}: bare R2 put...`);
    const put = await measureBarePut(run);
    warmPuts.push(put.warm);
    puts.push(put.main);
  }
  if (withFormData) {
    const upload = multipartUpload(file, size);
    form = await withBarePut(work, "form-state", (root) =>
      measure(`http://127.0.0.1:${barePort}/formdata/object`, "POST", upload.headers, upload.body, root),
    );
    if (form.status !== 200) throw new Error(`formData() upload failed: ${form.status} ${form.body}`);
  }

  console.log(
    `\nUpload of ${sizeMb} MiB (${size} bytes), MB = 10^6 bytes, ${os.loadavg()[0]!.toFixed(1)} load average`,
  );
  for (let i = 0; i < runs; i++) {
    console.log(line(`API warm-up ${warmupMb} MiB #${i + 1}`, warmupSize, warmApis[i]!));
    console.log(line(`API POST /videos #${i + 1}`, size, apis[i]!));
    console.log(line(`bare warm-up ${warmupMb} MiB #${i + 1}`, warmupSize, warmPuts[i]!));
    console.log(line(`bare R2 put #${i + 1}`, size, puts[i]!));
  }
  if (form) console.log(line("formData() + put (ref.)", size, form));
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const apiSeconds = median(apis.map((m) => m.seconds));
  const putSeconds = median(puts.map((m) => m.seconds));
  const growth = Math.max(...apis.map((m) => m.peakMb - m.baselineMb));
  const firstGrowth = Math.max(...warmApis.map((m) => m.peakMb - m.baselineMb));
  console.log(
    `Median: API ${(size / 1e6 / apiSeconds).toFixed(1)} MB/s, bare put ${(size / 1e6 / putSeconds).toFixed(1)} MB/s -> ${(putSeconds / apiSeconds).toFixed(2)}x (target >= 0.8); ` +
      `workerd CPU API ${median(apis.map((m) => m.cpuSeconds)).toFixed(1)} s vs bare ${median(puts.map((m) => m.cpuSeconds)).toFixed(1)} s; ` +
      `API RSS growth max: first (${warmupMb} MiB) upload +${firstGrowth.toFixed(1)} MB, then the ${sizeMb} MiB upload +${growth.toFixed(1)} MB (target < 64)`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
