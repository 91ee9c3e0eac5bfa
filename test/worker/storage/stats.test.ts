import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { STORAGE_CATEGORIES } from "../../../worker/db/schema/storage-objects";
import { AssetSchema, DeletedObjectsSchema } from "../../../worker/routes/assets/schema";
import { ProjectStorageStatsSchema, StorageStatsSchema } from "../../../worker/routes/storage/schema";
import { uniqueProjectId } from "../helpers/project-key";
import { addDerivedData, rowCounts } from "./derived-rows";
import { api, mediaBytes, r2Objects, upload } from "./helpers";

/** Per-category figures computed from an actual R2 listing, the truth the D1 statistics must match. */
async function figuresFromR2(prefix: string) {
  const objects = await r2Objects(prefix);
  const categories = Object.fromEntries(STORAGE_CATEGORIES.map((c) => [c, { files: 0, bytes: 0 }]));
  for (const object of objects) {
    const category = categories[object.key.split("/")[2]!]!;
    category.files += 1;
    category.bytes += object.size;
  }
  const total = { files: objects.length, bytes: objects.reduce((sum, o) => sum + o.size, 0) };
  const projects = new Set(objects.map((o) => o.key.split("/")[1])).size;
  return { categories, total, projects };
}

async function projectStats(projectId: string) {
  const res = await api(`/projects/${projectId}/storage/stats`);
  expect(res.status).toBe(200);
  return ProjectStorageStatsSchema.parse(await res.json());
}

async function globalStats() {
  const res = await api("/storage/stats");
  expect(res.status).toBe(200);
  return StorageStatsSchema.parse(await res.json());
}

async function fillProject(projectId: string) {
  const videos = [];
  for (let i = 0; i < 3; i++) {
    videos.push(
      AssetSchema.parse(
        await (await upload(projectId, "videos", mediaBytes("mp4", 3000 + i * 100, i), `v${i}.mp4`)).json(),
      ),
    );
  }
  await upload(projectId, "music", mediaBytes("wav", 7000), "bed.wav");
  await upload(projectId, "images", mediaBytes("png", 900), "logo.png");
  await addDerivedData(projectId, videos[0]!.asset_id, videos[0]!.filename);
  return videos;
}

describe("storage statistics", () => {
  it("project stats come from D1 and match the R2 listing after uploads and deletes", async () => {
    const projectId = uniqueProjectId();
    const empty = await projectStats(projectId);
    expect(empty.total).toEqual({ files: 0, bytes: 0 });

    const videos = await fillProject(projectId);
    const afterUploads = await projectStats(projectId);
    const r2 = await figuresFromR2(`projects/${projectId}/`);
    expect(afterUploads.categories).toEqual(r2.categories);
    expect(afterUploads.total).toEqual(r2.total);
    expect(afterUploads.categories.uploads).toEqual({ files: 3, bytes: 3000 + 3100 + 3200 });
    expect(afterUploads.categories.thumbnails.files).toBe(1);
    expect(afterUploads.project_id).toBe(projectId);

    await api(`/projects/${projectId}/videos/${videos[0]!.asset_id}`, { method: "DELETE" });
    await api(`/projects/${projectId}/videos/${videos[1]!.asset_id}`, { method: "DELETE" });
    const afterDeletes = await projectStats(projectId);
    const r2After = await figuresFromR2(`projects/${projectId}/`);
    expect(afterDeletes.categories).toEqual(r2After.categories);
    expect(afterDeletes.categories.uploads).toEqual({ files: 1, bytes: 3200 });
    expect(afterDeletes.categories.thumbnails).toEqual({ files: 0, bytes: 0 });
  });

  it("global stats (admin) cover every project and match the whole R2 listing", async () => {
    const [a, b] = [uniqueProjectId(), uniqueProjectId()];
    await fillProject(a);
    const [video] = await fillProject(b);
    await api(`/projects/${b}/videos/${video!.asset_id}`, { method: "DELETE" });

    const stats = await globalStats();
    const r2 = await figuresFromR2("projects/");
    expect(stats).toEqual(r2);
    expect(stats.projects).toBeGreaterThanOrEqual(2);
  });
});

describe("DELETE /projects/{project_id}/storage", () => {
  it("wipes every object and row of the project, reports what it removed, leaves others alone", async () => {
    const [projectId, neighbour] = [uniqueProjectId(), uniqueProjectId()];
    await fillProject(projectId);
    await fillProject(neighbour);
    const before = await figuresFromR2(`projects/${projectId}/`);
    const neighbourBefore = await figuresFromR2(`projects/${neighbour}/`);

    const res = await api(`/projects/${projectId}/storage`, { method: "DELETE" });
    expect(res.status).toBe(200);
    expect(DeletedObjectsSchema.parse(await res.json())).toEqual({
      deleted_objects: before.total.files,
      deleted_bytes: before.total.bytes,
    });
    expect(await r2Objects(`projects/${projectId}/`)).toEqual([]);
    expect(await rowCounts(projectId)).toEqual({
      assets: 0,
      storage_objects: 0,
      transcripts: 0,
      scene_runs: 0,
      jobs: 0,
    });
    expect((await projectStats(projectId)).total).toEqual({ files: 0, bytes: 0 });

    expect(await figuresFromR2(`projects/${neighbour}/`)).toEqual(neighbourBefore);
    expect((await rowCounts(neighbour)).assets).toBe(5);

    const again = await api(`/projects/${projectId}/storage`, { method: "DELETE" });
    expect(DeletedObjectsSchema.parse(await again.json())).toEqual({ deleted_objects: 0, deleted_bytes: 0 });
  });

  it("pages through more objects than one R2 listing returns", async () => {
    const projectId = uniqueProjectId();
    await Promise.all(
      Array.from({ length: 1205 }, (_, i) => env.BUCKET.put(`projects/${projectId}/processed/f${i}.bin`, "xy")),
    );
    const res = await api(`/projects/${projectId}/storage`, { method: "DELETE" });
    expect(DeletedObjectsSchema.parse(await res.json())).toEqual({ deleted_objects: 1205, deleted_bytes: 2410 });
    expect(await r2Objects(`projects/${projectId}/`)).toEqual([]);
  }, 60_000);
});
