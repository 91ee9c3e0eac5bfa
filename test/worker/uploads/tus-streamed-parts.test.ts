import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { Logger } from "../../../worker/logger";
import { type AppendDeps, appendToUpload } from "../../../worker/uploads/upload-append";
import { uploadStub } from "../../../worker/uploads/upload-stub";
import { uniqueProjectId } from "../helpers/project-key";
import { idsOf, MiB, mediaBytes, newUpload, observedBucket, offsetOf, patch, sha256Hex } from "./tus-kit";

/** Notes for every part whether it came as a stream. */
const notingParts = (seen: { streamed: boolean }[]) =>
  observedBucket((_, value) => seen.push({ streamed: value instanceof ReadableStream }));

function depsFor(location: string, bucket: AppendDeps["bucket"]): AppendDeps {
  const { projectId, uploadId } = idsOf(location);
  return {
    upload: uploadStub(env.UPLOADS, projectId, uploadId),
    bucket,
    logger: new Logger("CRITICAL"),
    waitUntil: () => undefined,
  };
}

/** Sends `pieces` one per pull, then either ends or fails (a client that went away). */
function bodyOf(pieces: Uint8Array[], ending: "end" | "break", pulled?: () => void) {
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled?.();
      const next = pieces.shift();
      if (next) controller.enqueue(next);
      else if (ending === "end") controller.close();
      else controller.error(new Error("connection reset"));
    },
  });
}

async function assetChecksum(assetId: string | null) {
  const row = await env.DB.prepare("SELECT checksum FROM assets WHERE id = ?")
    .bind(assetId)
    .first<{ checksum: string }>();
  return row?.checksum;
}

describe("parts streamed to R2 while their bytes arrive", { timeout: 60_000 }, () => {
  it("a part the Content-Length is sure to fill goes to R2 before its last byte arrived", async () => {
    const projectId = uniqueProjectId();
    const bytes = mediaBytes("mp4", 12 * MiB, 61);
    const location = await newUpload(projectId, { length: bytes.length });
    const seen: { streamed: boolean }[] = [];
    const pieces = Array.from({ length: 12 }, (_, i) => bytes.slice(i * MiB, (i + 1) * MiB));
    let startedBeforeFull = false;
    // When the fifth MiB is pulled, the first part's upload must already be under way.
    let pulls = 0;
    const body = bodyOf(pieces, "end", () => {
      pulls += 1;
      if (pulls === 5) startedBeforeFull = seen.length === 1;
    });
    const input = { projectId, offset: 0, contentLength: bytes.length };
    const outcome = await appendToUpload(depsFor(location, notingParts(seen)), input, body);
    expect(outcome).toMatchObject({ ok: true, value: { offset: bytes.length, status: "completed" } });
    expect(startedBeforeFull).toBe(true);
    // Two whole parts streamed; the short last one (2 MiB) is sent from its buffer.
    expect(seen.map(({ streamed }) => streamed)).toEqual([true, true, false]);
    expect(await assetChecksum(outcome.ok ? outcome.value.assetId : null)).toBe(await sha256Hex(bytes));
  });

  it("a body that breaks inside a streamed part keeps what arrived; the client resumes from HEAD", async () => {
    const projectId = uniqueProjectId();
    const bytes = mediaBytes("mp4", 12 * MiB, 62);
    const location = await newUpload(projectId, { length: bytes.length });
    const arrived = 7 * MiB + 1234;
    const seen: { streamed: boolean }[] = [];
    const body = bodyOf([bytes.slice(0, 3 * MiB), bytes.slice(3 * MiB, arrived)], "break");
    const input = { projectId, offset: 0, contentLength: bytes.length };
    await appendToUpload(depsFor(location, notingParts(seen)), input, body);
    // The first part was stored, the second was being streamed when the body broke: its bytes became the tail.
    expect(seen.map(({ streamed }) => streamed)).toEqual([true, true]);
    const offset = await offsetOf(location);
    expect(offset).toBe(arrived);
    const done = await patch(location, offset, bytes.subarray(offset));
    expect(done.status).toBe(204);
    expect(await assetChecksum(done.headers.get("asset-id"))).toBe(await sha256Hex(bytes));
  });

  it("a tail from earlier PATCHes opens the streamed part", async () => {
    const projectId = uniqueProjectId();
    const bytes = mediaBytes("mp4", 11 * MiB, 63);
    const location = await newUpload(projectId, { length: bytes.length });
    const first = await patch(location, 0, bytes.subarray(0, 3 * MiB));
    expect(first.headers.get("upload-offset")).toBe(String(3 * MiB));
    const seen: { streamed: boolean }[] = [];
    const rest = bytes.subarray(3 * MiB);
    const pieces = Array.from({ length: 8 }, (_, i) => rest.slice(i * MiB, (i + 1) * MiB));
    const input = { projectId, offset: 3 * MiB, contentLength: rest.length };
    const outcome = await appendToUpload(depsFor(location, notingParts(seen)), input, bodyOf(pieces, "end"));
    expect(outcome).toMatchObject({ ok: true, value: { offset: bytes.length, status: "completed" } });
    expect(seen.map(({ streamed }) => streamed)).toEqual([true, true, false]);
    expect(await assetChecksum(outcome.ok ? outcome.value.assetId : null)).toBe(await sha256Hex(bytes));
  });

  it("R2 failing while a part streams: 500 storage_failed, the parts stored before it are kept", async () => {
    const projectId = uniqueProjectId();
    const bytes = mediaBytes("mp4", 12 * MiB, 64);
    const location = await newUpload(projectId, { length: bytes.length });
    let calls = 0;
    // The second part's upload fails without reading its stream, as a dropped R2 connection would.
    const failing: AppendDeps["bucket"] = {
      resumeMultipartUpload(key, uploadId) {
        const upload = env.BUCKET.resumeMultipartUpload(key, uploadId);
        return {
          key: upload.key,
          uploadId: upload.uploadId,
          uploadPart: async (partNumber, value, options) => {
            calls += 1;
            if (calls === 2) throw new Error("R2 went away");
            return upload.uploadPart(partNumber, value, options);
          },
          abort: () => upload.abort(),
          complete: (parts) => upload.complete(parts),
        };
      },
    };
    const pieces = Array.from({ length: 12 }, (_, i) => bytes.slice(i * MiB, (i + 1) * MiB));
    const input = { projectId, offset: 0, contentLength: bytes.length };
    const outcome = await appendToUpload(depsFor(location, failing), input, bodyOf(pieces, "end"));
    expect(outcome).toMatchObject({ ok: false, kind: "storage_failed" });
    const offset = await offsetOf(location);
    expect(offset).toBe(5 * MiB);
    const done = await patch(location, offset, bytes.subarray(offset));
    expect(done.status).toBe(204);
    expect(await assetChecksum(done.headers.get("asset-id"))).toBe(await sha256Hex(bytes));
  });
});
