import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { AssetSchema } from "../../../worker/routes/assets/schema";
import { UPLOAD_PART_SIZE } from "../../../worker/storage/object-writer";
import { uniqueProjectId } from "../helpers/project-key";
import { api, type Fixture, mediaBytes, r2Objects, sha256Hex, upload } from "./helpers";

describe("POST /projects/{project_id}/videos", () => {
  it("stores the file in R2 under uploads/ and answers 201 with the asset", async () => {
    const projectId = uniqueProjectId();
    const bytes = mediaBytes("mp4", 10_000);
    const res = await upload(projectId, "videos", bytes, "Lesson 1.MP4");
    expect(res.status).toBe(201);
    const asset = AssetSchema.parse(await res.json());
    expect(asset).toMatchObject({
      project_id: projectId,
      category: "video",
      original_filename: "Lesson 1.MP4",
      size_bytes: 10_000,
      status: "uploaded",
      content_type: "video/mp4",
      checksum: await sha256Hex(bytes),
      ingest_job_id: expect.any(String),
    });
    expect(res.headers.get("location")).toBe(`/projects/${projectId}/videos/${asset.asset_id}`);
    expect(asset.links.content).toBe(`/projects/${projectId}/videos/${asset.asset_id}/content`);
    expect(asset.links.thumbnail).toBeNull();

    // Stored name: upload time (to the second) + the asset id's first 16 hex digits + extension.
    const stamp = asset.created_at.slice(0, 19).replace(/[-:]/g, "");
    expect(asset.filename).toBe(`${stamp}-${asset.asset_id.replace(/-/g, "").slice(0, 16)}.mp4`);
    const object = await env.BUCKET.get(`projects/${projectId}/uploads/${asset.filename}`);
    expect(object?.httpMetadata?.contentType).toBe("video/mp4");
    expect(new Uint8Array(await object!.arrayBuffer())).toEqual(bytes);
  });

  it.each([
    ["mov", "clip.mov", "video/quicktime"],
    ["avi", "clip.AVI", "video/x-msvideo"],
  ] as const)("accepts %s", async (format, name, contentType) => {
    const res = await upload(uniqueProjectId(), "videos", mediaBytes(format), name);
    expect(res.status).toBe(201);
    expect(AssetSchema.parse(await res.json()).content_type).toBe(contentType);
  });

  it("keeps a unicode client name as metadata only", async () => {
    const projectId = uniqueProjectId();
    const name = "Lektion 3 – Brüche 数学 🎬.mp4";
    const res = await upload(projectId, "videos", mediaBytes("mp4"), name);
    expect(res.status).toBe(201);
    const asset = AssetSchema.parse(await res.json());
    expect(asset.original_filename).toBe(name);
    expect(asset.filename).toMatch(/^\d{8}T\d{6}-[0-9a-f]{16}\.mp4$/);
  });

  it("shortens a name over 255 characters before its extension, so the format check still sees it", async () => {
    const projectId = uniqueProjectId();
    const cases: [Parameters<typeof upload>[1], Fixture, string][] = [
      ["videos", "mp4", `${"a".repeat(300)}.mp4`],
      ["videos", "mov", `${"数学の授業 ".repeat(60)}.MOV`],
      ["images", "png", `${"slide ".repeat(60)}.png`],
    ];
    for (const [segment, format, name] of cases) {
      const res = await upload(projectId, segment, mediaBytes(format), name);
      expect(res.status, name).toBe(201);
      const kept = AssetSchema.parse(await res.json()).original_filename;
      const extension = name.slice(name.lastIndexOf("."));
      expect([...kept]).toHaveLength(255);
      expect(kept).toBe(`${[...name].slice(0, 255 - extension.length).join("")}${extension}`);
    }
  });

  it("never lets a traversal name leave the project's uploads folder", async () => {
    const projectId = uniqueProjectId();
    const res = await upload(projectId, "videos", mediaBytes("mp4"), "../../other/../x.mp4");
    expect(res.status).toBe(201);
    const asset = AssetSchema.parse(await res.json());
    expect(asset.original_filename).toBe("../../other/../x.mp4");
    const keys = (await r2Objects(`projects/${projectId}/`)).map((o) => o.key);
    expect(keys).toEqual([`projects/${projectId}/uploads/${asset.filename}`]);
    expect(await r2Objects("projects/other/")).toEqual([]);
  });

  it("stores the same file twice as two assets with different names and the same checksum", async () => {
    const projectId = uniqueProjectId();
    const bytes = mediaBytes("mp4", 5000, 7);
    const first = AssetSchema.parse(await (await upload(projectId, "videos", bytes, "same.mp4")).json());
    const second = AssetSchema.parse(await (await upload(projectId, "videos", bytes, "same.mp4")).json());
    expect(second.asset_id).not.toBe(first.asset_id);
    expect(second.filename).not.toBe(first.filename);
    expect(second.checksum).toBe(first.checksum);
    expect(await r2Objects(`projects/${projectId}/uploads/`)).toHaveLength(2);
  });

  it("streams a file larger than one R2 part through a multipart upload, intact", async () => {
    const projectId = uniqueProjectId();
    const size = UPLOAD_PART_SIZE * 2 + 12_345;
    const bytes = mediaBytes("mp4", size, 3);
    const res = await upload(projectId, "videos", bytes, "big.mp4");
    expect(res.status).toBe(201);
    const asset = AssetSchema.parse(await res.json());
    expect(asset.size_bytes).toBe(size);
    expect(asset.checksum).toBe(await sha256Hex(bytes));
    const stored = await env.BUCKET.get(`projects/${projectId}/uploads/${asset.filename}`);
    expect(stored?.size).toBe(size);
    expect(await sha256Hex(new Uint8Array(await stored!.arrayBuffer()))).toBe(asset.checksum);
  });

  it("finds the file field after other fields and ignores them", async () => {
    const form = new FormData();
    form.append("note", "x".repeat(100_000));
    form.append("other", new File([mediaBytes("png")], "not-this.png"));
    form.append("file", new File([mediaBytes("mp4", 3000)], "after.mp4"));
    form.append("trailing", "field after the file");
    const res = await api(`/projects/${uniqueProjectId()}/videos`, { method: "POST", body: form });
    expect(res.status).toBe(201);
    expect(AssetSchema.parse(await res.json())).toMatchObject({ original_filename: "after.mp4", size_bytes: 3000 });
  });
});

describe("POST /projects/{project_id}/music and /images", () => {
  it.each([
    ["mp3", "song.mp3", "audio/mpeg"],
    ["wav", "take.wav", "audio/wav"],
    ["m4a", "voice.m4a", "audio/mp4"],
    ["aac", "loop.aac", "audio/aac"],
    ["ogg", "theme.ogg", "audio/ogg"],
  ] as [Fixture, string, string][])("music accepts %s", async (format, name, contentType) => {
    const projectId = uniqueProjectId();
    const res = await upload(projectId, "music", mediaBytes(format), name);
    expect(res.status).toBe(201);
    const asset = AssetSchema.parse(await res.json());
    expect(asset).toMatchObject({ category: "music", content_type: contentType });
    expect((await r2Objects(`projects/${projectId}/music/`)).map((o) => o.key)).toEqual([
      `projects/${projectId}/music/${asset.filename}`,
    ]);
  });

  it("music accepts an MPEG frame-sync mp3 without ID3 tag", async () => {
    const bytes = mediaBytes("mp3");
    bytes.set([0xff, 0xfb, 0x90, 0x64]);
    expect((await upload(uniqueProjectId(), "music", bytes, "raw.mp3")).status).toBe(201);
  });

  it.each([
    ["png", "logo.png", "image/png"],
    ["jpeg", "logo.jpg", "image/jpeg"],
    ["jpeg", "logo.JPEG", "image/jpeg"],
    ["webp", "logo.webp", "image/webp"],
  ] as [Fixture, string, string][])("images accept %s (%s)", async (format, name, contentType) => {
    const projectId = uniqueProjectId();
    const res = await upload(projectId, "images", mediaBytes(format), name);
    expect(res.status).toBe(201);
    const asset = AssetSchema.parse(await res.json());
    expect(asset).toMatchObject({ category: "image", content_type: contentType, links: { content: null } });
    expect(await r2Objects(`projects/${projectId}/images/`)).toHaveLength(1);
  });
});
