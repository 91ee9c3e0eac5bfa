import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { AssetListSchema } from "../../../worker/routes/assets/schema";
import type { UploadObject } from "../../../worker/uploads/upload-object";
import { UploadStore } from "../../../worker/uploads/upload-store";
import { uploadStub } from "../../../worker/uploads/upload-stub";
import { uniqueProjectId } from "../helpers/project-key";
import {
  call,
  expectHeadStatus,
  expectTusError,
  head,
  idsOf,
  MiB,
  mediaBytes,
  newUpload,
  offsetOf,
  patch,
  sha256Hex,
  uploadInChunks,
} from "./tus-kit";

async function assetChecksum(projectId: string, assetId: string | null) {
  const list = AssetListSchema.parse(await (await call(`/projects/${projectId}/videos`)).json());
  return list.items.find((item) => item.asset_id === assetId)?.checksum;
}

function stubOf(location: string): DurableObjectStub<UploadObject> {
  const { projectId, uploadId } = idsOf(location);
  return uploadStub(env.UPLOADS, projectId, uploadId);
}

describe("retries and resumption", { timeout: 60_000 }, () => {
  it("a retried PATCH at the same offset answers 409 and does not corrupt the upload", async () => {
    const projectId = uniqueProjectId();
    const bytes = mediaBytes("mp4", 7 * MiB, 21);
    const location = await newUpload(projectId, { length: bytes.length });
    const chunk = bytes.subarray(0, 3 * MiB);
    expect((await patch(location, 0, chunk)).status).toBe(204);
    // The same request again (a client that did not see the first response).
    await expectTusError(await patch(location, 0, chunk), 409, "CONFLICT");
    // Even different bytes at a stale offset must not be written.
    await expectTusError(await patch(location, 0, mediaBytes("mp4", 3 * MiB, 99)), 409, "CONFLICT");
    expect(await offsetOf(location)).toBe(3 * MiB);
    const done = await patch(location, 3 * MiB, bytes.subarray(3 * MiB));
    expect(done.status).toBe(204);
    expect(await assetChecksum(projectId, done.headers.get("asset-id"))).toBe(await sha256Hex(bytes));
  });

  it("a retried PATCH after a lost response resumes from HEAD's offset", async () => {
    const projectId = uniqueProjectId();
    const bytes = mediaBytes("mp4", 12 * MiB + 333, 22);
    const location = await newUpload(projectId, { length: bytes.length });
    await uploadInChunks(location, bytes, [2 * MiB]);
    // The client sends 5 MiB, the server stores them, the response is lost.
    const lost = await patch(location, 2 * MiB, bytes.subarray(2 * MiB, 7 * MiB));
    expect(lost.status).toBe(204);
    // The client retries what it believes is the current chunk: refused, nothing written twice.
    await expectTusError(await patch(location, 2 * MiB, bytes.subarray(2 * MiB, 7 * MiB)), 409, "CONFLICT");
    const offset = await offsetOf(location);
    expect(offset).toBe(7 * MiB);
    const done = await patch(location, offset, bytes.subarray(offset));
    expect(done.status).toBe(204);
    expect(await assetChecksum(projectId, done.headers.get("asset-id"))).toBe(await sha256Hex(bytes));
  });

  it("a PATCH whose body breaks midway keeps what arrived; the client resumes from HEAD", async () => {
    const projectId = uniqueProjectId();
    const bytes = mediaBytes("mp4", 9 * MiB, 23);
    const location = await newUpload(projectId, { length: bytes.length });
    const arrived = 5 * MiB + 4321;
    // Pull-based, so the error comes after the chunks were consumed (error() discards queued chunks).
    const pieces = [bytes.slice(0, 3 * MiB), bytes.slice(3 * MiB, arrived)];
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = pieces.shift();
        if (next) controller.enqueue(next);
        else controller.error(new Error("connection reset"));
      },
    });
    await patch(location, 0, broken).catch(() => undefined);
    const offset = await offsetOf(location);
    expect(offset).toBe(arrived);
    const done = await patch(location, offset, bytes.subarray(offset));
    expect(done.status).toBe(204);
    expect(await assetChecksum(projectId, done.headers.get("asset-id"))).toBe(await sha256Hex(bytes));
  });

  it("concurrent PATCHes at one offset are serialised: one wins, the other gets 409", async () => {
    const projectId = uniqueProjectId();
    const a = mediaBytes("mp4", 6 * MiB, 31);
    const b = mediaBytes("mp4", 6 * MiB, 32);
    const location = await newUpload(projectId, { length: a.length });
    const [first, second] = await Promise.all([patch(location, 0, a), patch(location, 0, b)]);
    expect([first.status, second.status].sort()).toEqual([204, 409]);
    const winner = first.status === 204 ? first : second;
    const assetId = winner.headers.get("asset-id");
    expect(await assetChecksum(projectId, assetId)).toBe(await sha256Hex(winner === first ? a : b));
  });

  it("tails survive: every byte split over many small PATCHes lands in order", async () => {
    const projectId = uniqueProjectId();
    const bytes = mediaBytes("mp4", 5 * MiB + 700 * 1024, 24);
    const location = await newUpload(projectId, { length: bytes.length });
    const sizes = [1, 15, 1024 * 1024 - 16, 1024 * 1024, 2 * 1024 * 1024 + 17, 1024 * 1024 - 17, 700 * 1024];
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(bytes.length);
    const last = await uploadInChunks(location, bytes, sizes);
    expect(await assetChecksum(projectId, last.headers.get("asset-id"))).toBe(await sha256Hex(bytes));
  });

  it("a file of exactly two parts completes without a short last part", async () => {
    const projectId = uniqueProjectId();
    const bytes = mediaBytes("mp4", 10 * MiB, 25);
    const location = await newUpload(projectId, { length: bytes.length });
    const last = await uploadInChunks(location, bytes, [5 * MiB, 5 * MiB]);
    expect(await assetChecksum(projectId, last.headers.get("asset-id"))).toBe(await sha256Hex(bytes));
  });

  it("acknowledged bytes are durable: parts in R2, the tail in SQLite, the offset matching both", async () => {
    const bytes = mediaBytes("mp4", 8 * MiB, 26);
    const location = await newUpload(uniqueProjectId(), { length: bytes.length });
    await uploadInChunks(location, bytes, [5 * MiB + 1234]);
    const state = await runInDurableObject(stubOf(location), (_instance, ctx) => {
      const store = new UploadStore(ctx.storage);
      return { record: store.load(), parts: store.parts(), tail: store.tail().length };
    });
    expect(state.parts).toHaveLength(1);
    expect(state.parts[0]?.size).toBe(5 * MiB);
    expect(state.tail).toBe(1234);
    expect(state.record?.offset).toBe(5 * MiB + 1234);
  });
});

describe("expiry", { timeout: 60_000 }, () => {
  it("the alarm aborts the R2 multipart upload, then forgets the upload", async () => {
    const projectId = uniqueProjectId();
    const location = await newUpload(projectId, { length: 8 * MiB });
    await uploadInChunks(location, mediaBytes("mp4", 6 * MiB), [6 * MiB]);
    const stub = stubOf(location);
    const record = await runInDurableObject(stub, (_instance, ctx) => new UploadStore(ctx.storage).load());
    expect(record?.status).toBe("uploading");
    expect(await runDurableObjectAlarm(stub)).toBe(true);

    expectHeadStatus(await head(location), 410);
    await expectTusError(await call(location), 410, "GONE");
    await expectTusError(await patch(location, 6 * MiB, new Uint8Array(10)), 410, "GONE");
    // The multipart upload no longer accepts parts: it was aborted.
    const multipart = env.BUCKET.resumeMultipartUpload(record!.r2Key, record!.multipartId);
    await expect(multipart.uploadPart(2, new Uint8Array(10))).rejects.toThrow();
    const leftovers = await runInDurableObject(stub, (_instance, ctx) => {
      const store = new UploadStore(ctx.storage);
      return { parts: store.parts().length, tail: store.tail().length };
    });
    expect(leftovers).toEqual({ parts: 0, tail: 0 });

    // The tombstone's own alarm forgets everything.
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    await expectTusError(await call(location), 404, "NOT_FOUND");
    expect(await runInDurableObject(stub, (_instance, ctx) => ctx.storage.getAlarm())).toBeNull();
  });

  it("an upload past its expiry is gone even before the alarm runs", async () => {
    const location = await newUpload(uniqueProjectId(), { length: 100 });
    await runInDurableObject(stubOf(location), (_instance, ctx) => {
      ctx.storage.sql.exec("UPDATE upload SET expires_at = ?", Date.now() - 1);
    });
    await expectTusError(await patch(location, 0, new Uint8Array(10)), 410, "GONE");
  });

  it("creation schedules the alarm at Upload-Expires", async () => {
    const res = await call(await newUpload(uniqueProjectId(), { length: 100 }), {
      method: "HEAD",
      headers: { "Tus-Resumable": "1.0.0" },
    });
    const expires = Date.parse(res.headers.get("upload-expires")!);
    const location = res.url;
    const alarm = await runInDurableObject(stubOf(location), (_instance, ctx) => ctx.storage.getAlarm());
    expect(Math.abs((alarm ?? 0) - expires)).toBeLessThan(1000);
    expect(expires - Date.now()).toBeGreaterThan(86_000_000);
  });
});
