import { env } from "cloudflare:test";
import { OpenAPIHono } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../../worker/app-env";
import { AssetListSchema } from "../../../worker/routes/assets/schema";
import { registerUploadRoutes } from "../../../worker/routes/uploads";
import { UploadStatusSchema } from "../../../worker/routes/uploads/schema";
import { uniqueProjectId } from "../helpers/project-key";
import {
  call,
  createUpload,
  head,
  idsOf,
  MiB,
  mediaBytes,
  newUpload,
  OCTETS,
  patch,
  sha256Hex,
  TUS,
  uploadInChunks,
} from "./tus-kit";

describe("tus discovery", () => {
  it("OPTIONS advertises version, extensions, max size and checksum algorithms without credentials", async () => {
    const res = await call(`/projects/${uniqueProjectId()}/uploads`, { method: "OPTIONS" }, null);
    expect(res.status).toBe(204);
    expect(res.headers.get("tus-resumable")).toBe("1.0.0");
    expect(res.headers.get("tus-version")).toBe("1.0.0");
    expect(res.headers.get("tus-extension")?.split(",")).toEqual(
      expect.arrayContaining(["creation", "creation-with-upload", "termination", "expiration", "checksum"]),
    );
    expect(res.headers.get("tus-max-size")).toBe(String(5 * 1024 * 1024 * 1024));
    expect(res.headers.get("tus-checksum-algorithm")).toBe("sha1");
  });
});

describe("tus upload", { timeout: 60_000 }, () => {
  it("creates, appends across part boundaries and completes into a video asset", async () => {
    const projectId = uniqueProjectId();
    const bytes = mediaBytes("mp4", 11 * MiB + 12345, 7);
    const created = await createUpload(projectId, { length: bytes.length, filetype: "video/mp4" });
    expect(created.status).toBe(201);
    expect(created.headers.get("tus-resumable")).toBe("1.0.0");
    const location = created.headers.get("location")!;
    expect(new URL(location).pathname).toMatch(new RegExp(`^/projects/${projectId}/uploads/[0-9a-f]{32}$`));
    expect(Date.parse(created.headers.get("upload-expires")!)).toBeGreaterThan(Date.now() + 23 * 3600_000);

    // Uneven chunks: tails carried across requests, one chunk spanning a part boundary.
    const last = await uploadInChunks(location, bytes, [3 * MiB, 1, 4 * MiB, 3 * MiB, bytes.length]);
    const assetId = last.headers.get("asset-id");
    expect(assetId).toMatch(/^[0-9a-f-]{36}$/);

    const status = await call(location);
    expect(status.status).toBe(200);
    const body = UploadStatusSchema.parse(await status.json());
    expect(body).toMatchObject({ status: "completed", offset: bytes.length, length: bytes.length, asset_id: assetId });
    const headRes = await head(location);
    expect(headRes.headers.get("asset-id")).toBe(assetId);
    expect(headRes.headers.get("cache-control")).toBe("no-store");

    const list = AssetListSchema.parse(await (await call(`/projects/${projectId}/videos`)).json());
    const asset = list.items.find((item) => item.asset_id === assetId);
    expect(asset).toMatchObject({
      size_bytes: bytes.length,
      checksum: await sha256Hex(bytes),
      original_filename: "lesson.mp4",
      content_type: "video/mp4",
    });
    expect(asset?.ingest_job_id).toBeTruthy();
    const stored = await env.BUCKET.get(
      (await env.DB.prepare("SELECT r2_key FROM assets WHERE id = ?").bind(assetId).first<{ r2_key: string }>())!
        .r2_key,
    );
    expect(await sha256Hex(new Uint8Array(await stored!.arrayBuffer()))).toBe(await sha256Hex(bytes));
  });

  it("HEAD reports offset, length, metadata and expiry", async () => {
    const projectId = uniqueProjectId();
    const bytes = mediaBytes("mp4", 1000);
    const location = await newUpload(projectId, { length: bytes.length });
    await uploadInChunks(location, bytes, [400]);
    const res = await head(location);
    expect(res.status).toBe(200);
    expect(res.headers.get("upload-offset")).toBe("400");
    expect(res.headers.get("upload-length")).toBe("1000");
    expect(res.headers.get("upload-metadata")).toBe(`filename ${btoa("lesson.mp4")}`);
    expect(res.headers.get("upload-expires")).toMatch(/GMT$/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("tus-resumable")).toBe("1.0.0");
    expect(await res.text()).toBe("");
    expect(idsOf(location).projectId).toBe(projectId);
  });

  it("creation-with-upload stores the first bytes in the POST", async () => {
    const projectId = uniqueProjectId();
    const bytes = mediaBytes("mov", 6000, 3);
    const res = await createUpload(projectId, {
      length: bytes.length,
      filename: "clip.mov",
      body: bytes.subarray(0, 2500),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("upload-offset")).toBe("2500");
    const location = res.headers.get("location")!;
    const done = await patch(location, 2500, bytes.subarray(2500));
    expect(done.status).toBe(204);
    expect(done.headers.get("asset-id")).toBeTruthy();
  });

  it("a whole small file in the creation request completes at once", async () => {
    const bytes = mediaBytes("mp4", 3000, 5);
    const res = await createUpload(uniqueProjectId(), { length: bytes.length, body: bytes });
    expect(res.status).toBe(201);
    expect(res.headers.get("upload-offset")).toBe("3000");
    expect(res.headers.get("asset-id")).toBeTruthy();
  });

  it("a file name over 255 characters is shortened before its extension, not refused", async () => {
    const projectId = uniqueProjectId();
    const longName = `${"Lecture 12 – Fourier series, worked examples ".repeat(7)}.mp4`;
    expect([...longName].length).toBeGreaterThan(300);
    const bytes = mediaBytes("mp4", 3000, 5);
    const res = await createUpload(projectId, { length: bytes.length, filename: longName, body: bytes });
    expect(res.status).toBe(201);
    const mov = mediaBytes("mov", 3000, 6);
    const named = await createUpload(projectId, {
      length: mov.length,
      filename: "x".repeat(400),
      filetype: "video/quicktime",
      body: mov,
    });
    expect(named.status).toBe(201);
    const list = AssetListSchema.parse(await (await call(`/projects/${projectId}/videos`)).json());
    const names = list.items.map((item) => item.original_filename).sort();
    expect(names).toEqual([`${[...longName].slice(0, 251).join("")}.mp4`, `${"x".repeat(251)}.mov`].sort());
  });

  it("DELETE terminates: 204, then 410 for every verb", async () => {
    const projectId = uniqueProjectId();
    const location = await newUpload(projectId, { length: 6 * MiB });
    await uploadInChunks(location, mediaBytes("mp4", 5 * MiB + 10), [5 * MiB + 10]);
    const res = await call(location, { method: "DELETE", headers: TUS });
    expect(res.status).toBe(204);
    expect(res.headers.get("tus-resumable")).toBe("1.0.0");
    expect((await head(location)).status).toBe(410);
    expect((await patch(location, 5 * MiB + 10, new Uint8Array(1))).status).toBe(410);
    expect((await call(location, { method: "DELETE", headers: TUS })).status).toBe(410);
  });

  it("accepts an empty PATCH as a no-op", async () => {
    const location = await newUpload(uniqueProjectId(), { length: 100 });
    const res = await call(location, { method: "PATCH", headers: { ...TUS, ...OCTETS, "Upload-Offset": "0" } });
    expect(res.status).toBe(204);
    expect(res.headers.get("upload-offset")).toBe("0");
  });
});

describe("tus in the OpenAPI document", () => {
  it("documents every verb, the HEAD form included, and the direct upload route", () => {
    // The upload routes on their own app, so this checks their part of the document only.
    const app = new OpenAPIHono<AppEnv>();
    registerUploadRoutes(app);
    const document = app.getOpenAPIDocument({ openapi: "3.0.0", info: { title: "t", version: "1" } }) as unknown as {
      paths: Record<string, Record<string, { operationId?: string; responses: Record<string, unknown> }>>;
    };
    const collection = document.paths["/projects/{project_id}/uploads"];
    const item = document.paths["/projects/{project_id}/uploads/{upload_id}"];
    expect(Object.keys(collection ?? {}).sort()).toEqual(["options", "post"]);
    expect(Object.keys(item ?? {}).sort()).toEqual(["delete", "get", "head", "patch"]);
    expect(document.paths["/projects/{project_id}/uploads/direct"]?.post?.operationId).toBe("createDirectUpload");
    expect(Object.keys(item?.patch?.responses ?? {})).toEqual(
      expect.arrayContaining(["204", "409", "413", "415", "460"]),
    );
  });
});

describe("part sizing", () => {
  it("uses 5 MiB parts up to 10,000 parts, then the smallest whole MiB that fits", async () => {
    const { partSizeFor } = await import("../../../worker/storage/object-writer");
    expect(partSizeFor(1)).toBe(5 * MiB);
    expect(partSizeFor(10_000 * 5 * MiB)).toBe(5 * MiB);
    expect(partSizeFor(10_000 * 5 * MiB + 1)).toBe(6 * MiB);
    const big = 200 * 1024 * MiB;
    expect(Math.ceil(big / partSizeFor(big))).toBeLessThanOrEqual(10_000);
  });
});
