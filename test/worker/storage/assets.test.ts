import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ErrorEnvelopeSchema } from "../../../worker/errors";
import { AssetListSchema, type AssetResponse, AssetSchema } from "../../../worker/routes/assets/schema";
import { uniqueProjectId } from "../helpers/project-key";
import { addDerivedData, rowCounts } from "./derived-rows";
import { api, mediaBytes, r2Objects, upload } from "./helpers";

async function uploadVideos(projectId: string, count: number): Promise<AssetResponse[]> {
  const created: AssetResponse[] = [];
  for (let i = 0; i < count; i++) {
    const res = await upload(projectId, "videos", mediaBytes("mp4", 1000 + i, i + 1), `v${i}.mp4`);
    created.push(AssetSchema.parse(await res.json()));
  }
  return created;
}

const newestFirst = (a: AssetResponse, b: AssetResponse) =>
  b.created_at.localeCompare(a.created_at) || b.asset_id.localeCompare(a.asset_id);

describe("GET /projects/{project_id}/videos", () => {
  it("lists newest first with default limit and no next page", async () => {
    const projectId = uniqueProjectId();
    const created = await uploadVideos(projectId, 3);
    await upload(projectId, "music", mediaBytes("mp3"), "not-a-video.mp3");
    const res = await api(`/projects/${projectId}/videos`);
    expect(res.status).toBe(200);
    const page = AssetListSchema.parse(await res.json());
    expect(page.next_cursor).toBeNull();
    expect(page.items.map((a) => a.asset_id)).toEqual([...created].sort(newestFirst).map((a) => a.asset_id));
    expect(page.items.every((a) => a.category === "video")).toBe(true);
  });

  it("pages through with an opaque cursor, without gaps or repeats", async () => {
    const projectId = uniqueProjectId();
    const created = await uploadVideos(projectId, 5);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : "?limit=2";
      const page = AssetListSchema.parse(await (await api(`/projects/${projectId}/videos${query}`)).json());
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((a) => a.asset_id));
      cursor = page.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...created].sort(newestFirst).map((a) => a.asset_id));
  });

  it("does not list another project's videos", async () => {
    const [mine, other] = [uniqueProjectId(), uniqueProjectId()];
    await uploadVideos(other, 1);
    const page = AssetListSchema.parse(await (await api(`/projects/${mine}/videos`)).json());
    expect(page.items).toEqual([]);
  });

  it("422 for a limit out of range or a cursor it did not issue", async () => {
    const projectId = uniqueProjectId();
    for (const query of ["?limit=0", "?limit=201", "?limit=abc", "?cursor=not-a-cursor", "?cursor=WzFd"]) {
      const res = await api(`/projects/${projectId}/videos${query}`);
      expect(res.status, query).toBe(422);
      expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe("VALIDATION_ERROR");
    }
    expect((await api(`/projects/${projectId}/videos?limit=200`)).status).toBe(200);
  });
});

describe("GET /projects/{project_id}/videos/{asset_id}", () => {
  it("returns the asset with its links", async () => {
    const projectId = uniqueProjectId();
    const [created] = await uploadVideos(projectId, 1);
    const res = await api(`/projects/${projectId}/videos/${created!.asset_id}`);
    expect(res.status).toBe(200);
    // Ingest may move status (and updated_at) on meanwhile; what the upload stored stays the same.
    const { status: _status, updated_at: _updated, error_message: _error, ...stored } = created!;
    expect(AssetSchema.parse(await res.json())).toMatchObject(stored);
  });

  it("404 for an unknown asset, another project's asset, or a non-video asset", async () => {
    const [projectId, other] = [uniqueProjectId(), uniqueProjectId()];
    const [foreign] = await uploadVideos(other, 1);
    const music = AssetSchema.parse(await (await upload(projectId, "music", mediaBytes("mp3"), "a.mp3")).json());
    for (const id of [crypto.randomUUID(), foreign!.asset_id, music.asset_id]) {
      const res = await api(`/projects/${projectId}/videos/${id}`);
      expect(res.status).toBe(404);
      expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe("NOT_FOUND");
    }
  });
});

describe("GET /projects/{project_id}/videos/{asset_id}/thumbnail", () => {
  it("404 before ingest made a thumbnail, the image afterwards", async () => {
    const projectId = uniqueProjectId();
    const [video] = await uploadVideos(projectId, 1);
    const path = `/projects/${projectId}/videos/${video!.asset_id}/thumbnail`;
    const before = await api(path);
    expect(before.status).toBe(404);
    expect(ErrorEnvelopeSchema.parse(await before.json()).error.code).toBe("NOT_FOUND");

    await addDerivedData(projectId, video!.asset_id, video!.filename);
    const after = await api(path);
    expect(after.status).toBe(200);
    expect(after.headers.get("content-type")).toBe("image/jpeg");
    expect(after.headers.get("etag")).toBeTruthy();
    expect(new Uint8Array(await after.arrayBuffer())).toEqual(mediaBytes("jpeg", 2048));
    const asset = AssetSchema.parse(await (await api(`/projects/${projectId}/videos/${video!.asset_id}`)).json());
    expect(asset.links.thumbnail).toBe(path);
  });

  it("404 for an unknown asset", async () => {
    expect((await api(`/projects/${uniqueProjectId()}/videos/${crypto.randomUUID()}/thumbnail`)).status).toBe(404);
  });
});

describe("DELETE /projects/{project_id}/videos/{asset_id}", () => {
  it("removes the file, its derived objects and every row that belongs to it", async () => {
    const projectId = uniqueProjectId();
    const [gone, kept] = await uploadVideos(projectId, 2);
    await addDerivedData(projectId, gone!.asset_id, gone!.filename);
    await addDerivedData(projectId, kept!.asset_id, kept!.filename);
    // Each upload also started its ingest job (a jobs row with the asset id), on top of the one added here.
    expect(await rowCounts(projectId)).toEqual({
      assets: 2,
      storage_objects: 4,
      transcripts: 2,
      scene_runs: 2,
      jobs: 4,
    });

    const res = await api(`/projects/${projectId}/videos/${gone!.asset_id}`, { method: "DELETE" });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    expect(await rowCounts(projectId)).toEqual({
      assets: 1,
      storage_objects: 2,
      transcripts: 1,
      scene_runs: 1,
      jobs: 2,
    });
    const keys = (await r2Objects(`projects/${projectId}/`)).map((o) => o.key).sort();
    expect(keys).toEqual(
      [
        `projects/${projectId}/uploads/${kept!.filename}`,
        `projects/${projectId}/thumbnails/${kept!.filename.replace(".mp4", ".jpg")}`,
      ].sort(),
    );
    expect((await api(`/projects/${projectId}/videos/${gone!.asset_id}`)).status).toBe(404);
    expect((await api(`/projects/${projectId}/videos/${gone!.asset_id}`, { method: "DELETE" })).status).toBe(404);
  });

  it("404 for an unknown asset or another project's asset, which stays", async () => {
    const [projectId, other] = [uniqueProjectId(), uniqueProjectId()];
    const [foreign] = await uploadVideos(other, 1);
    for (const id of [crypto.randomUUID(), foreign!.asset_id]) {
      const res = await api(`/projects/${projectId}/videos/${id}`, { method: "DELETE" });
      expect(res.status).toBe(404);
    }
    expect(await env.BUCKET.head(`projects/${other}/uploads/${foreign!.filename}`)).not.toBeNull();
  });
});
