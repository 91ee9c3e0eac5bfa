import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { Logger } from "../../../worker/logger";
import { appendToUpload } from "../../../worker/uploads/upload-append";
import { UploadStore } from "../../../worker/uploads/upload-store";
import { uploadStub } from "../../../worker/uploads/upload-stub";
import { uniqueProjectId } from "../helpers/project-key";
import { idsOf, MiB, mediaBytes, newUpload, offsetOf, patch, sha256Hex } from "./tus-kit";

async function assetChecksum(assetId: string | null) {
  const row = await env.DB.prepare("SELECT checksum FROM assets WHERE id = ?")
    .bind(assetId)
    .first<{ checksum: string }>();
  return row?.checksum;
}

/** What the upload's object keeps of the hash: the resumable state and the whole file's digest. */
function keptHash(location: string) {
  const { projectId, uploadId } = idsOf(location);
  return runInDurableObject(uploadStub(env.UPLOADS, projectId, uploadId), (_instance, ctx) => {
    const store = new UploadStore(ctx.storage);
    return { state: store.hashState() !== null, digest: store.fileSha256() !== null };
  });
}

describe("a PATCH that carries the whole file is hashed by the runtime", { timeout: 60_000 }, () => {
  it("the asset gets the file's SHA-256", async () => {
    const projectId = uniqueProjectId();
    const bytes = mediaBytes("mp4", 11 * MiB + 3, 71);
    const location = await newUpload(projectId, { length: bytes.length });
    const done = await patch(location, 0, bytes);
    expect(done.status).toBe(204);
    expect(await assetChecksum(done.headers.get("asset-id"))).toBe(await sha256Hex(bytes));
  });

  it("one that breaks keeps its bytes but no hash state; completion then reads the file back", async () => {
    const projectId = uniqueProjectId();
    const bytes = mediaBytes("mp4", 12 * MiB, 72);
    const location = await newUpload(projectId, { length: bytes.length });
    expect(await keptHash(location)).toEqual({ state: true, digest: false });
    const arrived = 7 * MiB + 1234;
    const pieces = [bytes.slice(0, 3 * MiB), bytes.slice(3 * MiB, arrived)];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = pieces.shift();
        if (next) controller.enqueue(next);
        else controller.error(new Error("connection reset"));
      },
    });
    const deps = {
      upload: uploadStub(env.UPLOADS, projectId, idsOf(location).uploadId),
      bucket: env.BUCKET,
      logger: new Logger("CRITICAL"),
      waitUntil: () => undefined,
    };
    await appendToUpload(deps, { projectId, offset: 0, contentLength: bytes.length }, body);
    expect(await offsetOf(location)).toBe(arrived);
    expect(await keptHash(location)).toEqual({ state: false, digest: false });
    const done = await patch(location, arrived, bytes.subarray(arrived));
    expect(done.status).toBe(204);
    expect(await assetChecksum(done.headers.get("asset-id"))).toBe(await sha256Hex(bytes));
  });
});
