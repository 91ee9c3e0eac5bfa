import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { toHex } from "../../../worker/bytes";
import { AssetSchema } from "../../../worker/routes/assets/schema";
import { ResumableSha256 } from "../../../worker/uploads/resumable-sha256";
import { UploadStore } from "../../../worker/uploads/upload-store";
import { uploadStub } from "../../../worker/uploads/upload-stub";
import { uniqueProjectId } from "../helpers/project-key";
import { call, idsOf, MiB, mediaBytes, newUpload, patch, sha256Hex, uploadInChunks } from "./tus-kit";

const stubOf = (location: string) => {
  const { projectId, uploadId } = idsOf(location);
  return uploadStub(env.UPLOADS, projectId, uploadId);
};

/** The offset and what the carried SHA-256 state says about the bytes before it. */
function carried(location: string) {
  return runInDurableObject(stubOf(location), (_instance, ctx) => {
    const store = new UploadStore(ctx.storage);
    const state = store.hashState();
    const hasher = state ? ResumableSha256.restore(state) : null;
    return {
      offset: store.load()!.offset,
      hashed: hasher?.bytesHashed ?? null,
      digest: hasher && toHex(hasher.digest()),
    };
  });
}

async function checksumOf(projectId: string, assetId: string | null) {
  return AssetSchema.parse(await (await call(`/projects/${projectId}/videos/${assetId}`)).json()).checksum;
}

const sha1Header = async (bytes: Uint8Array) => ({
  "Upload-Checksum": `sha1 ${btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest("SHA-1", bytes))))}`,
});

describe("the SHA-256 carried across PATCHes", { timeout: 60_000 }, () => {
  it("follows the offset through parts, tails, broken bodies, refused checksums and overflows", async () => {
    const bytes = mediaBytes("mp4", 13 * MiB, 51);
    const location = await newUpload(uniqueProjectId(), { length: bytes.length });
    const expectCarried = async () => {
      const state = await carried(location);
      expect(state.hashed).toBe(state.offset);
      expect(state.digest).toBe(await sha256Hex(bytes.subarray(0, state.offset)));
      return state.offset;
    };
    await uploadInChunks(location, bytes, [3 * MiB + 5, 4 * MiB]);
    expect(await expectCarried()).toBe(7 * MiB + 5);

    const pieces = [bytes.slice(7 * MiB + 5, 9 * MiB), bytes.slice(9 * MiB, 11 * MiB + 77)];
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = pieces.shift();
        if (next) controller.enqueue(next);
        else controller.error(new Error("connection reset"));
      },
    });
    await patch(location, 7 * MiB + 5, broken).catch(() => undefined);
    expect(await expectCarried()).toBe(11 * MiB + 77);

    const rest = bytes.subarray(11 * MiB + 77);
    const wrong = await patch(location, 11 * MiB + 77, rest, { headers: await sha1Header(rest.subarray(1)) });
    expect(wrong.status).toBe(460);
    expect(await expectCarried()).toBe(11 * MiB + 77);

    const overflowing = new Uint8Array(rest.length + 1);
    overflowing.set(rest);
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(overflowing.subarray(0, MiB));
        controller.enqueue(overflowing.subarray(MiB));
        controller.close();
      },
    });
    expect((await patch(location, 11 * MiB + 77, chunked)).status).toBe(413);
    const offset = await expectCarried();
    const done = await patch(location, offset, bytes.subarray(offset), {
      headers: await sha1Header(bytes.subarray(offset)),
    });
    expect(done.status).toBe(204);
    expect(await checksumOf(idsOf(location).projectId, done.headers.get("asset-id"))).toBe(await sha256Hex(bytes));
  });

  it("completion takes the carried hash and does not read the file back", async () => {
    const projectId = uniqueProjectId();
    const bytes = mediaBytes("mp4", 6 * MiB, 52);
    const location = await newUpload(projectId, { length: bytes.length });
    await uploadInChunks(location, bytes, [bytes.length - 1]);
    // Swap the carried state for that of other bytes of the same length: the checksum must follow it.
    const other = mediaBytes("mp4", bytes.length - 1, 53);
    await runInDurableObject(stubOf(location), (_instance, ctx) => {
      ctx.storage.sql.exec("UPDATE hash_state SET state = ?", new ResumableSha256().update(other).save());
    });
    const done = await patch(location, bytes.length - 1, bytes.subarray(bytes.length - 1));
    const expected = new Uint8Array(bytes.length);
    expected.set(other);
    expected.set(bytes.subarray(bytes.length - 1), other.length);
    expect(await checksumOf(projectId, done.headers.get("asset-id"))).toBe(await sha256Hex(expected));
  });

  it("an upload begun before the hash was carried is hashed by reading it back", async () => {
    const projectId = uniqueProjectId();
    const bytes = mediaBytes("mp4", 7 * MiB, 54);
    const location = await newUpload(projectId, { length: bytes.length });
    await uploadInChunks(location, bytes, [2 * MiB]);
    await runInDurableObject(stubOf(location), (_instance, ctx) => {
      ctx.storage.sql.exec("DELETE FROM hash_state");
    });
    expect((await patch(location, 2 * MiB, bytes.subarray(2 * MiB, 5 * MiB + 3))).status).toBe(204);
    expect(await carried(location)).toMatchObject({ offset: 5 * MiB + 3, hashed: null });
    const done = await patch(location, 5 * MiB + 3, bytes.subarray(5 * MiB + 3));
    expect(await checksumOf(projectId, done.headers.get("asset-id"))).toBe(await sha256Hex(bytes));
  });
});
