import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createDb } from "../../../worker/db/client";
import { registerAsset } from "../../../worker/storage/assets";
import { putTrackedObject, trackExistingObject } from "../../../worker/storage/tracked-objects";
import { uniqueProjectId } from "../helpers/project-key";
import { rowCounts } from "./derived-rows";
import { mediaBytes } from "./helpers";

const deps = () => ({ db: createDb(env.DB), bucket: env.BUCKET });

describe("tracked objects", () => {
  it("putTrackedObject writes the object and its row; writing the name again replaces both", async () => {
    const projectId = uniqueProjectId();
    const first = await putTrackedObject(deps(), { projectId, category: "processed", name: "a.bin", body: "12345" });
    expect(first).toMatchObject({ key: `projects/${projectId}/processed/a.bin`, sizeBytes: 5, assetId: null });
    const stream = new FixedLengthStream(3);
    const writer = stream.writable.getWriter();
    const put = putTrackedObject(deps(), { projectId, category: "processed", name: "a.bin", body: stream.readable });
    await writer.write(new TextEncoder().encode("xyz"));
    await writer.close();
    expect((await put).sizeBytes).toBe(3);
    expect(await (await env.BUCKET.get(first.key))!.text()).toBe("xyz");
    expect((await rowCounts(projectId)).storage_objects).toBe(1);
  });

  it("refuses names that could leave the category folder", async () => {
    const projectId = uniqueProjectId();
    for (const name of ["../x.bin", "a/b.bin", "..", ".hidden", ""]) {
      await expect(putTrackedObject(deps(), { projectId, category: "processed", name, body: "x" })).rejects.toThrow();
    }
    expect((await env.BUCKET.list({ prefix: `projects/${projectId}/` })).objects).toEqual([]);
  });

  it("trackExistingObject records an object written by other means, null when there is none", async () => {
    const projectId = uniqueProjectId();
    const key = `projects/${projectId}/uploads/done.mp4`;
    await env.BUCKET.put(key, mediaBytes("mp4", 1234));
    expect(await trackExistingObject(deps(), { key, projectId, assetId: "asset-1" })).toMatchObject({
      key,
      category: "uploads",
      sizeBytes: 1234,
      assetId: "asset-1",
    });
    expect(
      await trackExistingObject(deps(), { key: `projects/${projectId}/uploads/missing.mp4`, projectId }),
    ).toBeNull();
    await expect(trackExistingObject(deps(), { key, projectId: uniqueProjectId() })).rejects.toThrow(/outside/);
  });

  it("registerAsset removes the R2 object when the rows cannot be written", async () => {
    const projectId = uniqueProjectId();
    const input = (key: string) => ({
      id: `same-id-${projectId}`,
      projectId,
      category: "video" as const,
      key,
      filename: key.split("/").pop()!,
      originalFilename: "a.mp4",
      contentType: "video/mp4",
      sizeBytes: 4,
      checksum: "0".repeat(64),
    });
    const first = `projects/${projectId}/uploads/first.mp4`;
    const second = `projects/${projectId}/uploads/second.mp4`;
    await env.BUCKET.put(first, "abcd");
    await env.BUCKET.put(second, "abcd");
    await registerAsset(deps(), input(first));
    // Same asset id again: the batch fails, so the second object must not be left behind untracked.
    await expect(registerAsset(deps(), input(second))).rejects.toThrow();
    expect(await env.BUCKET.head(second)).toBeNull();
    expect(await env.BUCKET.head(first)).not.toBeNull();
    expect(await rowCounts(projectId)).toMatchObject({ assets: 1, storage_objects: 1 });
  });
});
