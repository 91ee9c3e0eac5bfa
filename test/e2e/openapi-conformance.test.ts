// A whole client session through Prism (a proxy that validates every request and response against our
// OpenAPI document) in front of the local stack: the document must describe every answer the API gives.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { ErrorEnvelopeSchema } from "../../worker/errors";
import { AssetListSchema, AssetSchema } from "../../worker/routes/assets/schema";
import { type JobResponse, JobSchema } from "../../worker/routes/jobs/schema";
import { type FakeOpenAI, startFakeOpenAI } from "../fake-openai/server";
import { generateVideo } from "../media/generate";
import { type LocalStack, startLocalStack } from "../stack/local-stack";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PRISM_PORT = 18_914;
const ADMIN_KEY = "e2e-prism-admin-key";
const OPENAI_KEY = "sk-e2e-prism-fake-openai";
const ADMIN = { Authorization: `Bearer ${ADMIN_KEY}` };
const PROJECT = `e2e-prism-${Date.now()}`;
// Requests the session makes before the rate-limit drain, so a step that silently stops short fails the test.
const SESSION_MIN_EXCHANGES = 70;
const work = mkdtempSync(path.join(tmpdir(), "e2e-prism-"));

interface Violation {
  location: string[];
  severity: string;
  message: string;
}
interface Exchange {
  request: string;
  status: number;
  violations: Violation[];
  /** The test sent something the document forbids on purpose (a bad id, no credentials, ...). */
  invalidRequest: boolean;
}

let stack: LocalStack;
let fake: FakeOpenAI;
let prism: ChildProcess | undefined;
let prismOutput = "";
let video: string;
const exchanges: Exchange[] = [];

async function startPrism(documentFile: string, upstream: string): Promise<void> {
  prism = spawn(
    path.join(ROOT, "node_modules/.bin/prism"),
    // Without --errors Prism forwards everything and reports what it found in an sl-violations header, so
    // deliberately bad requests still reach the API and its error answers get validated too. No CORS
    // handling of its own: OPTIONS is a tus verb here.
    ["proxy", documentFile, upstream, "--host", "127.0.0.1", "--port", String(PRISM_PORT), "--cors", "false"],
    { cwd: ROOT, detached: true, stdio: "pipe" },
  );
  const keep = (chunk: Buffer) => {
    prismOutput = (prismOutput + chunk).slice(-20_000);
  };
  prism.stdout?.on("data", keep);
  prism.stderr?.on("data", keep);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (prism.exitCode !== null) throw new Error(`prism exited with ${prism.exitCode}:\n${prismOutput}`);
    try {
      if ((await fetch(`http://127.0.0.1:${PRISM_PORT}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`prism did not start:\n${prismOutput}`);
}

beforeAll(async () => {
  fake = await startFakeOpenAI({ port: 18_913, apiKey: OPENAI_KEY });
  const [started, file] = await Promise.all([
    startLocalStack({
      port: 18_911,
      mediaPort: 18_912,
      persistTo: path.join(work, "state"),
      migratedD1From: inject("migratedD1"),
      env: { ADMIN_API_KEY: ADMIN_KEY, OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: fake.url, LOG_LEVEL: "WARNING" },
    }),
    generateVideo(work, "lesson.mp4", { seconds: 4, tone: 440 }),
  ]);
  stack = started;
  video = file;
  // The document as the running Worker serves it, so Prism checks exactly what clients are given.
  const documentFile = path.join(work, "openapi.json");
  writeFileSync(documentFile, await (await fetch(`${stack.apiUrl}/openapi.json`)).text());
  await startPrism(documentFile, stack.apiUrl);
}, 240_000);

afterAll(async () => {
  if (prism?.pid !== undefined && prism.exitCode === null) {
    const exited = new Promise((resolve) => prism?.once("exit", resolve));
    process.kill(-prism.pid, "SIGTERM");
    await exited;
  }
  await stack?.stop();
  await fake?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** One request through Prism; what it found wrong is recorded from its sl-violations header. */
async function call(
  method: string,
  route: string,
  init: { headers?: Record<string, string>; body?: BodyInit; invalidRequest?: boolean } = {},
): Promise<Response> {
  const res = await fetch(`http://127.0.0.1:${PRISM_PORT}${route}`, {
    method,
    headers: init.headers,
    body: init.body,
  });
  const header = res.headers.get("sl-violations");
  exchanges.push({
    request: `${method} ${route}`,
    status: res.status,
    violations: header ? (JSON.parse(header) as Violation[]) : [],
    invalidRequest: init.invalidRequest ?? false,
  });
  return res;
}

/**
 * Binary request bodies go straight to the API: Prism parses bodies in memory and forwards them re-encoded,
 * which corrupts a video (stoplightio/prism#1321, #2349). Their answers are checked with the route's schemas.
 */
function bypassingPrism(method: string, route: string, init: { headers?: Record<string, string>; body?: BodyInit }) {
  return fetch(`${stack.apiUrl}${route}`, { method, ...init });
}

const project = (route: string) => `/projects/${PROJECT}${route}`;
async function createJob(jobType: string, payload: Record<string, unknown>): Promise<JobResponse> {
  const res = await call("POST", project("/jobs"), {
    headers: { ...ADMIN, "Content-Type": "application/json" },
    body: JSON.stringify({ job_type: jobType, payload, max_attempts: 1 }),
  });
  expect(res.status, await res.clone().text()).toBe(202);
  return JobSchema.parse(await res.json());
}

async function finished(jobId: string): Promise<JobResponse> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const job = JobSchema.parse(await (await call("GET", project(`/jobs/${jobId}`), { headers: ADMIN })).json());
    if (["completed", "failed", "cancelled"].includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} did not finish: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function completed(jobId: string): Promise<void> {
  const job = await finished(jobId);
  expect(job.status, `${job.job_type}: ${job.error_message}`).toBe("completed");
}

it("a full session through a validating proxy finds no response the document does not describe", async () => {
  expect((await call("GET", "/health")).status).toBe(200);
  expect((await call("GET", "/info")).status).toBe(200);

  // Keys: the admin makes a project key; the session then works with it where a client would.
  const keyRes = await call("POST", project("/api-keys"), {
    headers: { ...ADMIN, "Content-Type": "application/json" },
    body: JSON.stringify({ name: "prism" }),
  });
  expect(keyRes.status).toBe(201);
  const KEY = { Authorization: `Bearer ${((await keyRes.json()) as { key: string }).key}` };
  expect((await call("GET", project("/api-keys"), { headers: KEY })).status).toBe(200);
  const spare = (await (
    await call("POST", project("/api-keys"), { headers: { ...ADMIN, "Content-Type": "application/json" }, body: "{}" })
  ).json()) as { id: string };
  expect((await call("DELETE", project(`/api-keys/${spare.id}`), { headers: KEY })).status).toBe(204);
  const tokenRes = await call("POST", project("/stream-tokens"), {
    headers: { ...KEY, "Content-Type": "application/json" },
    body: JSON.stringify({ ttl_seconds: 300 }),
  });
  expect(tokenRes.status).toBe(201);

  // Upload, then ingest.
  const form = new FormData();
  form.append("file", new File([readFileSync(video)], "lesson.mp4", { type: "video/mp4" }));
  const uploaded = await bypassingPrism("POST", project("/videos"), { headers: KEY, body: form });
  expect(uploaded.status, await uploaded.clone().text()).toBe(201);
  const asset = AssetSchema.parse(await uploaded.json());
  await completed(asset.ingest_job_id!);
  const videoPath = `/videos/${asset.asset_id}`;

  const list = AssetListSchema.parse(await (await call("GET", project("/videos?limit=1"), { headers: KEY })).json());
  expect(list.items).toHaveLength(1);
  expect((await call("GET", project(videoPath), { headers: KEY })).status).toBe(200);

  // Downloads: whole, ranges, validators and HEAD, for the video and its derived images.
  const content = await call("GET", project(`${videoPath}/content`), { headers: KEY });
  expect([content.status, content.headers.get("content-type")]).toEqual([200, "video/mp4"]);
  const etag = content.headers.get("etag")!;
  await content.arrayBuffer();
  const range = await call("GET", project(`${videoPath}/content`), { headers: { ...KEY, Range: "bytes=0-99" } });
  // Prism re-encodes binary bodies too, so only status and headers are compared here; the bytes are other tests' job.
  expect([range.status, range.headers.get("content-range")]).toEqual([206, `bytes 0-99/${asset.size_bytes}`]);
  await range.arrayBuffer();
  expect((await call("HEAD", project(`${videoPath}/content`), { headers: KEY })).status).toBe(200);
  const ranged = await call("HEAD", project(`${videoPath}/content`), { headers: { ...KEY, Range: "bytes=-10" } });
  expect(ranged.status).toBe(206);
  const notModified = await call("GET", project(`${videoPath}/content`), {
    headers: { ...KEY, "If-None-Match": etag },
  });
  expect(notModified.status).toBe(304);
  const outside = await call("GET", project(`${videoPath}/content`), {
    headers: { ...KEY, Range: `bytes=${asset.size_bytes + 10}-` },
  });
  expect(outside.status).toBe(416);
  const precondition = await call("GET", project(`${videoPath}/content`), {
    headers: { ...KEY, "If-Match": '"not-the-etag"' },
  });
  expect(precondition.status).toBe(412);
  for (const derived of ["/thumbnail", "/storyboard/sprite"]) {
    const image = await call("GET", project(`${videoPath}${derived}`), { headers: KEY });
    expect([image.status, image.headers.get("content-type")], derived).toEqual([200, "image/jpeg"]);
    await image.arrayBuffer();
    expect((await call("HEAD", project(`${videoPath}${derived}`), { headers: KEY })).status, derived).toBe(200);
  }
  expect((await call("GET", project(`${videoPath}/storyboard`), { headers: KEY })).status).toBe(200);

  // Jobs and the AI results they make (the fake OpenAI answers).
  const transcription = await createJob("transcription", { asset_id: asset.asset_id, language: "en" });
  await completed(transcription.id);
  for (const format of ["json", "srt", "vtt"]) {
    const res = await call("GET", project(`${videoPath}/ai/transcript?format=${format}`), { headers: KEY });
    expect(res.status, format).toBe(200);
  }
  const scenes = await createJob("scene_detection", { asset_id: asset.asset_id, tone: "calm" });
  await completed(scenes.id);
  expect((await call("GET", project(`${videoPath}/ai/scenes`), { headers: KEY })).status).toBe(200);
  expect((await call("GET", project(`${videoPath}/ai/scenes?tone=other`), { headers: KEY })).status).toBe(404);
  const events = await call("GET", project(`/jobs/${scenes.id}/events`), { headers: KEY });
  expect(events.status).toBe(200);
  expect(await events.text()).toContain("event: job");
  const page = await call("GET", project("/jobs?status=completed&limit=2"), { headers: KEY });
  expect(page.status).toBe(200);
  const next = ((await page.json()) as { next_cursor: string | null }).next_cursor;
  expect(next).not.toBeNull();
  expect((await call("GET", project(`/jobs?cursor=${next}`), { headers: KEY })).status).toBe(200);
  expect((await call("POST", project(`/jobs/${scenes.id}/cancel`), { headers: KEY })).status).toBe(409);
  const queued = await createJob("scene_detection", { asset_id: asset.asset_id, criteria: "definitions" });
  expect([200, 409]).toContain((await call("POST", project(`/jobs/${queued.id}/cancel`), { headers: KEY })).status);

  // An export, its files, and deleting it.
  const exportJob = await createJob("export", {
    timeline: { clips: [{ asset_id: asset.asset_id, in_point: 0, out_point: 2 }], resolution: "540p" },
  });
  await completed(exportJob.id);
  const exports = AssetListSchema.parse(await (await call("GET", project("/exports"), { headers: KEY })).json());
  const rendered = exports.items[0]!;
  const file = await call("GET", project(`/exports/${rendered.asset_id}/content`), {
    headers: { ...KEY, Range: "bytes=0-1023" },
  });
  expect(file.status).toBe(206);
  await file.arrayBuffer();
  const poster = await call("GET", project(`/exports/${rendered.asset_id}/thumbnail`), { headers: KEY });
  expect(poster.status).toBe(200);
  await poster.arrayBuffer();
  expect((await call("HEAD", project(`/exports/${rendered.asset_id}/content`), { headers: KEY })).status).toBe(200);
  expect((await call("DELETE", project(`/exports/${rendered.asset_id}`), { headers: KEY })).status).toBe(204);

  // A tus upload: discovery, creation, HEAD, one PATCH with the whole file, status, and a termination.
  const tus = { ...KEY, "Tus-Resumable": "1.0.0" };
  expect((await call("OPTIONS", project("/uploads"))).status).toBe(204);
  const bytes = readFileSync(video);
  const created = await call("POST", project("/uploads"), {
    headers: { ...tus, "Upload-Length": String(bytes.length), "Upload-Metadata": `filename ${btoa("tus.mp4")}` },
  });
  expect(created.status).toBe(201);
  const uploadPath = new URL(created.headers.get("location")!).pathname;
  expect((await call("HEAD", uploadPath, { headers: tus })).headers.get("upload-offset")).toBe("0");
  const patched = await bypassingPrism("PATCH", uploadPath, {
    headers: { ...tus, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" },
    body: bytes,
  });
  expect(patched.status).toBe(204);
  expect((await call("GET", uploadPath, { headers: KEY })).status).toBe(200);
  const doomed = await call("POST", project("/uploads"), {
    headers: { ...tus, "Upload-Length": "1000", "Upload-Metadata": `filename ${btoa("gone.mp4")}` },
  });
  const doomedPath = new URL(doomed.headers.get("location")!).pathname;
  expect((await call("DELETE", doomedPath, { headers: tus })).status).toBe(204);
  expect((await call("HEAD", doomedPath, { headers: tus })).status).toBe(410);
  expect((await call("PATCH", uploadPath, { headers: { ...KEY }, body: "x", invalidRequest: true })).status).toBe(412);
  const directUpload = await call("POST", project("/uploads/direct"), {
    headers: { ...KEY, "Content-Type": "application/json" },
    body: JSON.stringify({ max_size_bytes: 1_000_000 }),
  });
  expect(directUpload.status).toBe(201);

  // Storage figures.
  expect((await call("GET", project("/storage/stats"), { headers: KEY })).status).toBe(200);
  expect((await call("GET", "/storage/stats", { headers: ADMIN })).status).toBe(200);

  // Error answers, each in the one envelope and each documented.
  const invalid = { invalidRequest: true };
  const noFile = new FormData();
  noFile.append("note", "no file here");
  expect((await call("POST", project("/videos"), { headers: KEY, body: noFile, ...invalid })).status).toBe(422);
  const notMultipart = await call("POST", project("/videos"), {
    headers: { ...KEY, "Content-Type": "application/json" },
    body: "{}",
    ...invalid,
  });
  expect(notMultipart.status).toBe(415);
  expect((await call("GET", project("/videos/no-such-video"), { headers: KEY })).status).toBe(404);
  expect((await call("GET", project(`/videos/${"a".repeat(65)}`), { headers: KEY, ...invalid })).status).toBe(422);
  expect((await call("GET", project("/videos?cursor=not-a-cursor"), { headers: KEY })).status).toBe(422);
  expect((await call("GET", project("/videos?limit=0"), { headers: KEY, ...invalid })).status).toBe(422);
  const badPayload = await call("POST", project("/jobs"), {
    headers: { ...KEY, "Content-Type": "application/json" },
    body: JSON.stringify({ job_type: "transcription", payload: {} }),
    ...invalid,
  });
  expect(badPayload.status).toBe(422);
  const wrongType = await call("POST", project("/jobs"), {
    headers: { ...KEY, "Content-Type": "text/plain" },
    body: "hello",
    ...invalid,
  });
  expect(wrongType.status).toBe(415);
  // Prism never answers a request whose JSON it cannot parse, so this one goes around it.
  const malformed = await bypassingPrism("POST", project("/jobs"), {
    headers: { ...KEY, "Content-Type": "application/json" },
    body: '{"job_type": ',
  });
  expect([malformed.status, ErrorEnvelopeSchema.parse(await malformed.json()).error.code]).toEqual([
    400,
    "MALFORMED_JSON",
  ]);
  expect((await call("GET", project("/videos"), invalid)).status).toBe(401);
  expect((await call("GET", project("/videos"), { headers: { Authorization: "Bearer nope" } })).status).toBe(401);
  expect((await call("GET", "/projects/someone-else/videos", { headers: KEY })).status).toBe(403);
  expect((await call("GET", "/storage/stats", { headers: KEY })).status).toBe(403);
  expect((await call("GET", "/projects/-bad-/videos", { headers: KEY, ...invalid })).status).toBe(400);

  expect((await call("DELETE", project("/storage"), { headers: KEY })).status).toBe(200);

  // The session's own size; what draining the rate limit below adds depends on the machine's speed.
  const sessionExchanges = exchanges.length;

  // The rate limit is per key: drain it last, so the session above is not slowed down.
  let limited: Response | undefined;
  for (let i = 0; i < 150 && !limited; i++) {
    const res = await call("GET", project("/api-keys"), { headers: KEY });
    if (res.status === 429) limited = res;
  }
  expect(limited?.headers.get("retry-after")).toMatch(/^\d+$/);

  // Prism cannot validate what the document has no operation for; the answer is still the one envelope.
  const notAllowed = await bypassingPrism("DELETE", "/health", {});
  expect([notAllowed.status, ErrorEnvelopeSchema.parse(await notAllowed.json()).error.code]).toEqual([
    405,
    "METHOD_NOT_ALLOWED",
  ]);

  const responseViolations = exchanges.flatMap((exchange) =>
    exchange.violations
      .filter((violation) => violation.location[0] === "response")
      .map((violation) => `${exchange.request} -> ${exchange.status}: ${violation.message} (${violation.location})`),
  );
  expect(responseViolations).toEqual([]);
  // A request the test meant to be valid that the document rejects is a documentation bug too.
  const requestViolations = exchanges
    .filter((exchange) => !exchange.invalidRequest)
    .flatMap((exchange) =>
      exchange.violations
        .filter((violation) => violation.location[0] === "request")
        .map((violation) => `${exchange.request}: ${violation.message} (${violation.location})`),
    );
  expect(requestViolations).toEqual([]);
  // And Prism did see the deliberately invalid ones, so its checks were on.
  expect(exchanges.filter((e) => e.invalidRequest && e.violations.length > 0).length).toBeGreaterThan(3);
  expect(sessionExchanges).toBeGreaterThan(SESSION_MIN_EXCHANGES);
}, 600_000);
