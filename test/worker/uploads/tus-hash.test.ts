import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { toHex } from "../../../worker/bytes";
import { Logger } from "../../../worker/logger";
import { AssetSchema } from "../../../worker/routes/assets/schema";
import { isolateHashes, RunningHashes, RunningSha256 } from "../../../worker/uploads/running-sha256";
import { appendToUpload } from "../../../worker/uploads/upload-append";
import { UploadStore } from "../../../worker/uploads/upload-store";
import { uploadStub } from "../../../worker/uploads/upload-stub";
import { uniqueProjectId } from "../helpers/project-key";
import { call, idsOf, MiB, mediaBytes, newUpload, offsetOf, patch, sha256Hex, uploadInChunks } from "./tus-kit";

const stubOf = (location: string) => {
  const { projectId, uploadId } = idsOf(location);
  return uploadStub(env.UPLOADS, projectId, uploadId);
};

/** The key the isolate keeps the upload's running hash under: its R2 multipart upload id. */
const keyOf = (location: string) =>
  runInDurableObject(stubOf(location), (_instance, ctx) => new UploadStore(ctx.storage).load()!.multipartId);

/** The running hash this isolate holds for the upload at `offset` (> 0), left in place; its offset and digest. */
async function held(location: string, offset: number) {
  const key = await keyOf(location);
  const hash = isolateHashes.take(key, offset);
  if (!hash) return null;
  isolateHashes.keep(key, hash);
  return { offset: hash.offset, digest: toHex(hash.copy().digest()) };
}

async function checksumOf(projectId: string, assetId: string | null) {
  return AssetSchema.parse(await (await call(`/projects/${projectId}/videos/${assetId}`)).json()).checksum;
}

const sha1Header = async (bytes: Uint8Array) => ({
  "Upload-Checksum": `sha1 ${btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest("SHA-1", bytes))))}`,
});

/** A body that sends `pieces` and then fails, as a dropped connection does. */
function breaking(pieces: Uint8Array[]) {
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = pieces.shift();
      if (next) controller.enqueue(next);
      else controller.error(new Error("connection reset"));
    },
  });
}

describe("the SHA-256 carried across PATCHes in the isolate", { timeout: 60_000 }, () => {
  it("follows the offset through parts, tails, broken bodies and refused checksums", async () => {
    const bytes = mediaBytes("mp4", 13 * MiB, 51);
    const location = await newUpload(uniqueProjectId(), { length: bytes.length });
    const expectHeld = async () => {
      const offset = await offsetOf(location);
      expect(await held(location, offset)).toEqual({ offset, digest: await sha256Hex(bytes.subarray(0, offset)) });
      return offset;
    };
    await uploadInChunks(location, bytes, [3 * MiB + 5, 4 * MiB]);
    expect(await expectHeld()).toBe(7 * MiB + 5);

    await patch(
      location,
      7 * MiB + 5,
      breaking([bytes.slice(7 * MiB + 5, 9 * MiB), bytes.slice(9 * MiB, 11 * MiB + 77)]),
    ).catch(() => undefined);
    expect(await expectHeld()).toBe(11 * MiB + 77);

    // Nothing of a refused PATCH is kept, and the hash is the one from before it.
    const rest = bytes.subarray(11 * MiB + 77);
    const wrong = await patch(location, 11 * MiB + 77, rest, { headers: await sha1Header(rest.subarray(1)) });
    expect(wrong.status).toBe(460);
    expect(await expectHeld()).toBe(11 * MiB + 77);

    const done = await patch(location, 11 * MiB + 77, rest, { headers: await sha1Header(rest) });
    expect(done.status).toBe(204);
    expect(await checksumOf(idsOf(location).projectId, done.headers.get("asset-id"))).toBe(await sha256Hex(bytes));
  });

  it("one PATCH carrying the whole file, and one that breaks and is resumed, give the file's SHA-256", async () => {
    const projectId = uniqueProjectId();
    const whole = mediaBytes("mp4", 11 * MiB + 3, 71);
    const first = await patch(await newUpload(projectId, { length: whole.length }), 0, whole);
    expect(first.status).toBe(204);
    expect(await checksumOf(projectId, first.headers.get("asset-id"))).toBe(await sha256Hex(whole));

    const bytes = mediaBytes("mp4", 12 * MiB, 72);
    const location = await newUpload(projectId, { length: bytes.length });
    const arrived = 7 * MiB + 1234;
    await patch(location, 0, breaking([bytes.slice(0, 3 * MiB), bytes.slice(3 * MiB, arrived)]), {
      headers: { "Content-Length": String(bytes.length) },
    }).catch(() => undefined);
    expect(await offsetOf(location)).toBe(arrived);
    expect((await held(location, arrived))?.offset).toBe(arrived);
    const done = await patch(location, arrived, bytes.subarray(arrived));
    expect(done.status).toBe(204);
    expect(await checksumOf(projectId, done.headers.get("asset-id"))).toBe(await sha256Hex(bytes));
  });

  it("completion takes the carried hash and does not read the file back", async () => {
    const projectId = uniqueProjectId();
    const bytes = mediaBytes("mp4", 6 * MiB, 52);
    const location = await newUpload(projectId, { length: bytes.length });
    await uploadInChunks(location, bytes, [bytes.length - 1]);
    // Swap the held hash for one of other bytes of the same length: the checksum must follow it.
    const other = mediaBytes("mp4", bytes.length - 1, 53);
    const key = await keyOf(location);
    expect(isolateHashes.take(key, bytes.length - 1)).toBeDefined();
    const swapped = RunningSha256.start();
    swapped.update(other);
    isolateHashes.keep(key, swapped);
    const done = await patch(location, bytes.length - 1, bytes.subarray(bytes.length - 1));
    const expected = new Uint8Array(bytes.length);
    expected.set(other);
    expected.set(bytes.subarray(bytes.length - 1), other.length);
    expect(await checksumOf(projectId, done.headers.get("asset-id"))).toBe(await sha256Hex(expected));
  });

  it("after a PATCH served by another isolate the upload goes on unhashed, and completion reads the file back", async () => {
    const projectId = uniqueProjectId();
    const bytes = mediaBytes("mp4", 12 * MiB, 54);
    const location = await newUpload(projectId, { length: bytes.length });
    await uploadInChunks(location, bytes, [2 * MiB]);
    const elsewhere = {
      upload: stubOf(location),
      bucket: env.BUCKET,
      logger: new Logger("CRITICAL"),
      waitUntil: () => undefined,
      hashes: new RunningHashes(),
    };
    const middle = bytes.subarray(2 * MiB, 7 * MiB + 3);
    const moved = await appendToUpload(
      elsewhere,
      { projectId, offset: 2 * MiB, contentLength: middle.length },
      new Response(middle).body,
    );
    expect(moved).toMatchObject({ ok: true, value: { offset: 7 * MiB + 3 } });
    // Neither isolate holds a hash at the new offset: this one's stopped at 2 MiB, the other never had one.
    expect(await held(location, 7 * MiB + 3)).toBeNull();
    expect(elsewhere.hashes.take(await keyOf(location), 7 * MiB + 3)).toBeUndefined();
    expect((await patch(location, 7 * MiB + 3, bytes.subarray(7 * MiB + 3, 9 * MiB))).status).toBe(204);
    expect(await held(location, 9 * MiB)).toBeNull();
    const done = await patch(location, 9 * MiB, bytes.subarray(9 * MiB));
    expect(await checksumOf(projectId, done.headers.get("asset-id"))).toBe(await sha256Hex(bytes));
  });

  it("a PATCH that fails in storage after storing parts keeps them but drops the hash", async () => {
    const projectId = uniqueProjectId();
    const bytes = mediaBytes("mp4", 16 * MiB, 55);
    const location = await newUpload(projectId, { length: bytes.length });
    let parts = 0;
    const failing = {
      upload: stubOf(location),
      bucket: {
        resumeMultipartUpload: (key: string, id: string) => {
          const real = env.BUCKET.resumeMultipartUpload(key, id);
          return {
            uploadPart: async (number: number, data: Parameters<R2MultipartUpload["uploadPart"]>[1]) => {
              parts += 1;
              if (parts === 3) throw new Error("R2 is down");
              return real.uploadPart(number, data);
            },
          } as unknown as R2MultipartUpload;
        },
      },
      logger: new Logger("CRITICAL"),
      waitUntil: () => undefined,
    };
    const outcome = await appendToUpload(
      failing,
      { projectId, offset: 0, contentLength: bytes.length },
      new Response(bytes).body,
    );
    expect(outcome).toMatchObject({ ok: false, kind: "storage_failed" });
    // The two stored parts are kept; the hash, which had taken bytes past them, is not.
    expect(await offsetOf(location)).toBe(10 * MiB);
    expect(await held(location, 10 * MiB)).toBeNull();
    const done = await patch(location, 10 * MiB, bytes.subarray(10 * MiB));
    expect(await checksumOf(projectId, done.headers.get("asset-id"))).toBe(await sha256Hex(bytes));
  });
});
