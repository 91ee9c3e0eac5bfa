import { createHash } from "node:crypto";
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Upload } from "tus-js-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { AssetSchema } from "../../worker/routes/assets/schema";
import { JobSchema } from "../../worker/routes/jobs/schema";
import { DirectUploadSchema } from "../../worker/routes/uploads/schema";
import { generateVideo } from "../media/generate";
import { type LocalStack, startLocalStack } from "../stack/local-stack";

const ADMIN_KEY = "e2e-tus-admin-key";
const ADMIN = { Authorization: `Bearer ${ADMIN_KEY}` };
const CHUNK = 5 * 1024 * 1024;
const work = mkdtempSync(path.join(tmpdir(), "e2e-tus-"));
let stack: LocalStack;
let video: string;
let videoSha256: string;

beforeAll(async () => {
  // 720p test card at a high bitrate: a real, probe-able H.264 file of a bit over 30 MB.
  const [started, file] = await Promise.all([
    startLocalStack({
      port: 18_841,
      mediaPort: 18_842,
      persistTo: path.join(work, "state"),
      migratedD1From: inject("migratedD1"),
      env: { ADMIN_API_KEY: ADMIN_KEY, LOG_LEVEL: "WARNING" },
    }),
    generateVideo(work, "lesson.mp4", { seconds: 25, width: 1280, height: 720, videoBitrate: "11M", tone: 440 }),
  ]);
  stack = started;
  video = file;
  videoSha256 = createHash("sha256").update(readFileSync(video)).digest("hex");
}, 240_000);

afterAll(async () => {
  await stack?.stop();
  rmSync(work, { recursive: true, force: true });
});

/**
 * fetch that rides out wrangler dev restarting the Worker (it reloads when any file in this shared tree
 * changes): connection errors and its "restarted mid-request" 503 are retried, other answers returned.
 */
async function api(url: string, init: RequestInit = {}): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(url, init);
      const restarted = res.status === 503 && (await res.clone().text()).includes("restarted");
      if (!restarted || attempt >= 6) return res;
    } catch (error) {
      if (attempt >= 6) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
  }
}

interface RunOptions {
  endpoint?: string;
  uploadUrl?: string;
  headers?: Record<string, string>;
  abortAfterBytes?: number;
}

/** One tus-js-client instance; resolves with its upload URL when it succeeds or when it was aborted on purpose. */
function runClient(options: RunOptions): Promise<{ url: string; aborted: boolean; offsets: number[] }> {
  return new Promise((resolve, reject) => {
    const offsets: number[] = [];
    let aborted = false;
    const upload: Upload = new Upload(createReadStream(video), {
      endpoint: options.endpoint,
      uploadUrl: options.uploadUrl,
      headers: options.headers,
      chunkSize: CHUNK,
      uploadSize: statSync(video).size,
      // wrangler dev restarts the Worker when files change; retrying 5xx is what tus clients do anyway.
      retryDelays: [500, 1000, 2000, 4000],
      metadata: { filename: "lesson.mp4", filetype: "video/mp4" },
      onChunkComplete: (_chunk, uploaded) => {
        offsets.push(uploaded);
        if (options.abortAfterBytes !== undefined && uploaded >= options.abortAfterBytes && !aborted) {
          aborted = true;
          upload.abort().then(() => resolve({ url: upload.url!, aborted, offsets }), reject);
        }
      },
      onSuccess: () => resolve({ url: upload.url!, aborted, offsets }),
      onError: reject,
    });
    upload.start();
  });
}

async function headUpload(url: string, headers: Record<string, string> = {}) {
  const res = await api(url, { method: "HEAD", headers: { "Tus-Resumable": "1.0.0", ...headers } });
  expect(res.status).toBe(200);
  return res;
}

const getJson = async (url: string) => (await api(`${stack.apiUrl}${url}`, { headers: ADMIN })).json();

/** Polls the asset until ready or failed, or until its ingest job ends without making it ready. */
async function waitForReady(projectId: string, assetId: string, jobId: string) {
  const deadline = Date.now() + 150_000;
  for (;;) {
    const asset = AssetSchema.parse(await getJson(`/projects/${projectId}/videos/${assetId}`));
    if (asset.status === "ready" || asset.status === "failed" || Date.now() > deadline) return { asset, job: null };
    const job = JobSchema.parse(await getJson(`/projects/${projectId}/jobs/${jobId}`));
    if (job.status === "failed" || job.status === "cancelled") return { asset, job };
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** Uploads the video in 5 MiB chunks, aborts after ~12 MB, resumes from the stored URL in a new client. */
async function abortAndResume(projectId: string, endpoint: string, headers: Record<string, string>) {
  const size = statSync(video).size;
  expect(size).toBeGreaterThanOrEqual(30 * 1000 * 1000);
  const first = await runClient({ endpoint, headers, abortAfterBytes: 2 * CHUNK + 1 });
  expect(first.aborted).toBe(true);
  const stored = first.url;
  const midway = Number((await headUpload(stored, headers)).headers.get("upload-offset"));
  expect(midway).toBeGreaterThanOrEqual(2 * CHUNK);
  expect(midway).toBeLessThan(size);

  const second = await runClient({ uploadUrl: stored, headers });
  expect(second.aborted).toBe(false);
  // The new instance started from the server's offset, not from zero.
  expect(second.offsets[0]).toBeGreaterThan(midway);
  const done = await headUpload(stored, headers);
  expect(Number(done.headers.get("upload-offset"))).toBe(size);
  const assetId = done.headers.get("asset-id");
  expect(assetId).toBeTruthy();

  const asset = AssetSchema.parse(await getJson(`/projects/${projectId}/videos/${assetId}`));
  expect(asset.checksum).toBe(videoSha256);
  expect(asset.size_bytes).toBe(size);
  expect(asset.original_filename).toBe("lesson.mp4");
  expect(asset.ingest_job_id).toBeTruthy();
  const finished = await waitForReady(projectId, assetId!, asset.ingest_job_id!);
  expect(finished.job?.error_message ?? null).toBeNull();
  expect(finished.asset.error_message).toBeNull();
  expect(finished.asset.status).toBe("ready");
}

describe("tus end to end with tus-js-client", () => {
  it("uploads a 30+ MB video with an API key, aborted midway and resumed by a new client", async () => {
    const projectId = `e2e-tus-${Date.now()}`;
    await abortAndResume(projectId, `${stack.apiUrl}/projects/${projectId}/uploads`, ADMIN);
  });

  it("does the same through a direct upload URL, without an API key", async () => {
    const projectId = `e2e-direct-${Date.now()}`;
    const res = await api(`${stack.apiUrl}/projects/${projectId}/uploads/direct`, {
      method: "POST",
      headers: { ...ADMIN, "Content-Type": "application/json" },
      body: JSON.stringify({ expires_in_seconds: 600 }),
    });
    expect(res.status).toBe(201);
    const direct = DirectUploadSchema.parse(await res.json());
    await abortAndResume(projectId, direct.upload_url, {});
    // The URL was spent by that upload.
    const again = await api(direct.upload_url, {
      method: "POST",
      headers: { "Tus-Resumable": "1.0.0", "Upload-Length": "100", "Upload-Metadata": `filename ${btoa("x.mp4")}` },
    });
    expect(again.status).toBe(410);
  });
});
