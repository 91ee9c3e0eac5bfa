import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createDb } from "../../../worker/db/client";
import { AssetListSchema, AssetSchema } from "../../../worker/routes/assets/schema";
import { registerAsset } from "../../../worker/storage/assets";
import { objectKey, storedFileName } from "../../../worker/storage/layout";
import { putTrackedObject } from "../../../worker/storage/tracked-objects";
import { uniqueProjectId } from "../helpers/project-key";
import { api, mediaBytes, r2Objects, sha256Hex } from "./helpers";

/** What the export job does with a rendered file: put it under exports/, register it, add its thumbnail. */
async function createExport(projectId: string, size = 6000) {
  const deps = { db: createDb(env.DB), bucket: env.BUCKET };
  const id = crypto.randomUUID();
  const filename = storedFileName(id, new Date(), "mp4");
  const key = objectKey(projectId, "exports", filename);
  const bytes = mediaBytes("mp4", size, 5);
  await env.BUCKET.put(key, bytes, { httpMetadata: { contentType: "video/mp4" } });
  const asset = await registerAsset(deps, {
    id,
    projectId,
    category: "export",
    key,
    filename,
    originalFilename: "short-9x16.mp4",
    contentType: "video/mp4",
    sizeBytes: size,
    checksum: await sha256Hex(bytes),
    status: "ready",
    sourceAssetIds: ["source-video"],
  });
  await putTrackedObject(deps, {
    projectId,
    category: "thumbnails",
    name: filename.replace(".mp4", ".jpg"),
    assetId: id,
    body: mediaBytes("jpeg", 500),
  });
  return { asset, bytes };
}

describe("exports", () => {
  it("lists exports with links to their content", async () => {
    const projectId = uniqueProjectId();
    const { asset } = await createExport(projectId);
    const page = AssetListSchema.parse(await (await api(`/projects/${projectId}/exports`)).json());
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      asset_id: asset.id,
      category: "export",
      status: "ready",
      source_asset_ids: ["source-video"],
      links: { content: `/projects/${projectId}/exports/${asset.id}/content`, thumbnail: null },
    });
    expect(AssetListSchema.parse(await (await api(`/projects/${projectId}/videos`)).json()).items).toEqual([]);
  });

  it("downloads an export whole and by range", async () => {
    const projectId = uniqueProjectId();
    const { asset, bytes } = await createExport(projectId);
    const path = `/projects/${projectId}/exports/${asset.id}/content`;
    const full = await api(path);
    expect(full.status).toBe(200);
    expect(new Uint8Array(await full.arrayBuffer())).toEqual(bytes);
    const ranged = await api(path, { headers: { Range: "bytes=-100" } });
    expect(ranged.status).toBe(206);
    expect(new Uint8Array(await ranged.arrayBuffer())).toEqual(bytes.slice(-100));
    expect((await api(`/projects/${projectId}/exports/${crypto.randomUUID()}/content`)).status).toBe(404);
  });

  it("a video id is not an export, and an export id is not a video", async () => {
    const projectId = uniqueProjectId();
    const { asset } = await createExport(projectId);
    expect((await api(`/projects/${projectId}/videos/${asset.id}`)).status).toBe(404);
    expect((await api(`/projects/${projectId}/videos/${asset.id}/content`)).status).toBe(404);
    const video = AssetSchema.parse(
      await (
        await api(`/projects/${projectId}/videos`, {
          method: "POST",
          body: (() => {
            const form = new FormData();
            form.append("file", new File([mediaBytes("mp4")], "v.mp4"));
            return form;
          })(),
        })
      ).json(),
    );
    expect((await api(`/projects/${projectId}/exports/${video.asset_id}/content`)).status).toBe(404);
    expect((await api(`/projects/${projectId}/exports/${video.asset_id}`, { method: "DELETE" })).status).toBe(404);
  });

  it("DELETE removes the export and its thumbnail", async () => {
    const projectId = uniqueProjectId();
    const { asset } = await createExport(projectId);
    expect(await r2Objects(`projects/${projectId}/`)).toHaveLength(2);
    const res = await api(`/projects/${projectId}/exports/${asset.id}`, { method: "DELETE" });
    expect(res.status).toBe(204);
    expect(await r2Objects(`projects/${projectId}/`)).toEqual([]);
    expect((await api(`/projects/${projectId}/exports/${asset.id}`, { method: "DELETE" })).status).toBe(404);
  });
});
