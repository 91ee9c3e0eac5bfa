import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { Logger } from "../../../worker/logger";
import type { AppendLease } from "../../../worker/uploads/append-protocol";
import { type AppendDeps, appendToUpload } from "../../../worker/uploads/upload-append";
import type { UploadOutcome } from "../../../worker/uploads/upload-outcome";
import { UploadStore } from "../../../worker/uploads/upload-store";
import { uploadStub } from "../../../worker/uploads/upload-stub";
import { uniqueProjectId } from "../helpers/project-key";
import { call, head, idsOf, MiB, mediaBytes, newUpload, observedBucket, offsetOf, patch, sha256Hex } from "./tus-kit";

/** A body that sends `before`, then waits for `release()` before it sends `after` and ends. */
function stallingBody(before: Uint8Array, after: Uint8Array) {
  let release!: () => void;
  let reached!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const stalled = new Promise<void>((resolve) => {
    reached = resolve;
  });
  const pieces = [before, after];
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      // Pulled again once `before` was taken: that is where it stalls.
      if (pieces.length === 1) {
        reached();
        await released;
      }
      const next = pieces.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
  return { stream, stalled, release };
}

const notingParts = (numbers: number[]) => observedBucket((partNumber) => numbers.push(partNumber));

function stubOf(location: string) {
  const { projectId, uploadId } = idsOf(location);
  return uploadStub(env.UPLOADS, projectId, uploadId);
}

const depsFor = (location: string, bucket: AppendDeps["bucket"] = env.BUCKET): AppendDeps => ({
  upload: stubOf(location),
  bucket,
  logger: new Logger("CRITICAL"),
  waitUntil: () => undefined,
});

function leaseOf<T extends { kind: string }>(outcome: UploadOutcome<T>): Extract<T, { kind: "lease" }> {
  if (!outcome.ok || outcome.value.kind !== "lease") throw new Error(`no lease: ${JSON.stringify(outcome)}`);
  return outcome.value as Extract<T, { kind: "lease" }>;
}

async function storedObject(projectId: string, assetId: string | null): Promise<Uint8Array> {
  const row = await env.DB.prepare("SELECT r2_key FROM assets WHERE id = ? AND project_id = ?")
    .bind(assetId, projectId)
    .first<{ r2_key: string }>();
  const object = await env.BUCKET.get(row!.r2_key);
  return new Uint8Array(await object!.arrayBuffer());
}

describe("the PATCH lease", { timeout: 60_000 }, () => {
  it("expires while its PATCH still streams: the late writer's commit is refused, nothing is corrupted, the client resumes from HEAD", async () => {
    const projectId = uniqueProjectId();
    const late = mediaBytes("mp4", 12 * MiB, 41);
    const theirs = mediaBytes("mp4", 12 * MiB, 42);
    const location = await newUpload(projectId, { length: 12 * MiB });
    const lateParts: number[] = [];
    // The first piece fills a part, which the writer stores in R2 before its body stalls. (The lease
    // outlasts hashing that part while the code is still cold, so it expires in the stall.)
    const body = stallingBody(late.subarray(0, 5 * MiB + 100), late.subarray(5 * MiB + 100, 10 * MiB + 200));
    const deps = depsFor(location, notingParts(lateParts));
    const writing = appendToUpload(deps, { projectId, offset: 0 }, body.stream, 1500);
    await body.stalled;

    // The client gives up on that request and sends the bytes again: this PATCH waits for the stalled
    // one's lease to run out, then writes.
    const retried = await patch(location, 0, theirs.subarray(0, 6 * MiB));
    expect(retried.status).toBe(204);
    expect(retried.headers.get("upload-offset")).toBe(String(6 * MiB));
    const committed = await runInDurableObject(stubOf(location), (_instance, ctx) =>
      new UploadStore(ctx.storage).parts(),
    );

    // The stalled body goes on: the writer stores one more part in R2, then its commit is refused.
    body.release();
    expect(await writing).toMatchObject({ ok: false, kind: "lease_lost" });
    expect(lateParts).toHaveLength(2);
    // Its parts, late one included, carry numbers the upload never refers to.
    expect(Math.min(...committed.map((part) => part.partNumber))).toBeGreaterThan(Math.max(...lateParts));

    const offset = await offsetOf(location);
    expect(offset).toBe(6 * MiB);
    const done = await patch(location, offset, theirs.subarray(offset));
    expect(done.status).toBe(204);
    const assetId = done.headers.get("asset-id");
    const stored = await storedObject(projectId, assetId);
    expect(await sha256Hex(stored)).toBe(await sha256Hex(theirs));
    const asset = (await (await call(`/projects/${projectId}/videos/${assetId}`)).json()) as { checksum: string };
    expect(asset.checksum).toBe(await sha256Hex(theirs));
  });

  it("an expired lease is refused even when nobody took the upload over", async () => {
    const projectId = uniqueProjectId();
    const bytes = mediaBytes("mp4", 2 * MiB, 43);
    const location = await newUpload(projectId, { length: bytes.length });
    const body = stallingBody(bytes.subarray(0, MiB), bytes.subarray(MiB));
    const writing = appendToUpload(depsFor(location), { projectId, offset: 0 }, body.stream, 50);
    await body.stalled;
    // HEAD waits for a PATCH in progress, but not past its lease.
    expect(await offsetOf(location)).toBe(0);
    body.release();
    expect(await writing).toMatchObject({ ok: false, kind: "lease_lost" });
    expect(await offsetOf(location)).toBe(0);
    const done = await patch(location, 0, bytes);
    expect(done.headers.get("asset-id")).toBeTruthy();
  });

  it("a slow PATCH that keeps sending keeps its lease", async () => {
    const projectId = uniqueProjectId();
    const piece = 64 * 1024;
    const bytes = mediaBytes("mp4", 16 * piece, 44);
    const location = await newUpload(projectId, { length: bytes.length + 1 });
    let sent = 0;
    const slow = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent === bytes.length) return controller.close();
        await new Promise((resolve) => setTimeout(resolve, 150));
        controller.enqueue(bytes.slice(sent, sent + piece));
        sent += piece;
      },
    });
    const started = Date.now();
    const outcome = await appendToUpload(depsFor(location), { projectId, offset: 0 }, slow, 1000);
    expect(Date.now() - started).toBeGreaterThan(2000);
    expect(outcome).toMatchObject({ ok: true, value: { offset: bytes.length } });
  });

  it("two Workers racing for one offset: one writes, the other waits for it and gets 409; HEAD waits too", async () => {
    const projectId = uniqueProjectId();
    const a = mediaBytes("mp4", 6 * MiB, 45);
    const b = mediaBytes("mp4", 6 * MiB, 46);
    const location = await newUpload(projectId, { length: a.length });
    const bodyA = stallingBody(a.subarray(0, 3 * MiB), a.subarray(3 * MiB));
    const bodyB = stallingBody(b.subarray(0, 3 * MiB), b.subarray(3 * MiB));
    const racing = [patch(location, 0, bodyA.stream), patch(location, 0, bodyB.stream)];
    // Whichever got the lease is reading its body; the other waits for the lease without reading.
    await Promise.race([bodyA.stalled, bodyB.stalled]);
    const during = head(location);
    bodyA.release();
    bodyB.release();
    const [first, second] = await Promise.all(racing);
    expect([first!.status, second!.status].sort()).toEqual([204, 409]);
    const winner = first!.status === 204 ? first! : second!;
    const status = await during;
    expect(status.headers.get("upload-offset")).toBe(String(a.length));
    expect(status.headers.get("asset-id")).toBe(winner.headers.get("asset-id"));
    const stored = await storedObject(projectId, winner.headers.get("asset-id"));
    expect(await sha256Hex(stored)).toBe(await sha256Hex(winner === first ? a : b));
  });

  it("a takeover never reuses the expired holder's part numbers; a released lease's unused ones are reused", async () => {
    const projectId = uniqueProjectId();
    const location = await newUpload(projectId, { length: 20 * MiB });
    const stub = stubOf(location);
    const begin = (leaseMs: number) => stub.beginAppend({ projectId, offset: 0, leaseMs });
    // Long enough for the next call to arrive inside it on a loaded machine; the takeover below waits it out.
    const expired: AppendLease = leaseOf(await begin(2_000)).lease;
    const reserved = await stub.reportProgress(expired.token, { parts: [], reservePart: true });
    expect(reserved).toEqual({ ok: true, value: expired.partNumber + 1 });

    // Granted once the first lease ran out, with numbers after every one the first holder was given.
    const next = leaseOf(await begin(60_000)).lease;
    expect(next.partNumber).toBeGreaterThan(expired.partNumber + 1);
    const lost = { ok: false, kind: "lease_lost" };
    expect(await stub.reportProgress(expired.token, { parts: [], reservePart: true })).toMatchObject(lost);
    const late = { kind: "commit" as const, parts: [], tail: new Uint8Array(10) };
    expect(await stub.endAppend(expired.token, late)).toMatchObject(lost);
    expect(await stub.endAppend(next.token, { kind: "release" })).toMatchObject({ ok: true });
    expect(await offsetOf(location)).toBe(0);

    // The released holder uploaded nothing it could still be writing: its numbers are free again.
    const after = leaseOf(await begin(60_000)).lease;
    expect(after.partNumber).toBe(next.partNumber);
  });
});
