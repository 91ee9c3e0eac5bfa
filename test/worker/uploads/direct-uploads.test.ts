import { describe, expect, it } from "vitest";
import { AssetListSchema } from "../../../worker/routes/assets/schema";
import { uniqueProjectId } from "../helpers/project-key";
import {
  call,
  createUpload,
  directUpload,
  expectTusError,
  head,
  MiB,
  mediaBytes,
  patch,
  sha256Hex,
  uploadInChunks,
} from "./tus-kit";

describe("direct upload URLs", { timeout: 60_000 }, () => {
  it("returns a tus creation URL with a token, its id and expiry", async () => {
    const projectId = uniqueProjectId();
    const before = Date.now();
    const direct = await directUpload(projectId, { max_size_bytes: 10 * MiB, expires_in_seconds: 600 });
    const url = new URL(direct.upload_url);
    expect(url.pathname).toBe(`/projects/${projectId}/uploads`);
    expect(url.searchParams.get("token")).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(direct.id).toMatch(/^[0-9a-f]{32}$/);
    expect(direct.max_size_bytes).toBe(10 * MiB);
    const expires = Date.parse(direct.expires_at);
    expect(expires).toBeGreaterThanOrEqual(before + 599_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 601_000);
  });

  it("uploads a whole video without an API key: creation, HEAD and PATCH through the URLs", async () => {
    const projectId = uniqueProjectId();
    const direct = await directUpload(projectId);
    const bytes = mediaBytes("mp4", 6 * MiB + 99, 41);
    const created = await createUpload(projectId, { length: bytes.length, url: direct.upload_url, auth: null });
    expect(created.status).toBe(201);
    const location = created.headers.get("location")!;
    expect(new URL(location).pathname).toBe(`/projects/${projectId}/uploads/${direct.id}`);
    expect(new URL(location).searchParams.get("token")).toBeTruthy();

    expect((await patch(location, 0, bytes.subarray(0, 5 * MiB), { auth: null })).status).toBe(204);
    const status = await head(location, null);
    expect(status.headers.get("upload-offset")).toBe(String(5 * MiB));
    const done = await patch(location, 5 * MiB, bytes.subarray(5 * MiB), { auth: null });
    expect(done.status).toBe(204);
    const assetId = done.headers.get("asset-id");
    const list = AssetListSchema.parse(await (await call(`/projects/${projectId}/videos`)).json());
    expect(list.items.find((item) => item.asset_id === assetId)?.checksum).toBe(await sha256Hex(bytes));
  });

  it("is single-use: a second creation with the same URL answers 410", async () => {
    const projectId = uniqueProjectId();
    const direct = await directUpload(projectId);
    expect((await createUpload(projectId, { length: 100, url: direct.upload_url, auth: null })).status).toBe(201);
    const again = await createUpload(projectId, { length: 100, url: direct.upload_url, auth: null });
    await expectTusError(again, 410, "GONE");
  });

  it("stays spent after its upload is terminated", async () => {
    const projectId = uniqueProjectId();
    const direct = await directUpload(projectId);
    const created = await createUpload(projectId, { length: 100, url: direct.upload_url, auth: null });
    const location = created.headers.get("location")!;
    expect((await call(location, { method: "DELETE", headers: { "Tus-Resumable": "1.0.0" } }, null)).status).toBe(204);
    await expectTusError(
      await createUpload(projectId, { length: 100, url: direct.upload_url, auth: null }),
      410,
      "GONE",
    );
  });

  it("is single-use under concurrent creations too", async () => {
    const projectId = uniqueProjectId();
    const direct = await directUpload(projectId);
    const results = await Promise.all(
      [1, 2, 3].map(() => createUpload(projectId, { length: 100, url: direct.upload_url, auth: null })),
    );
    expect(results.map((res) => res.status).sort()).toEqual([201, 410, 410]);
  });

  it("enforces max_size_bytes at creation (413)", async () => {
    const projectId = uniqueProjectId();
    const direct = await directUpload(projectId, { max_size_bytes: 1000 });
    await expectTusError(
      await createUpload(projectId, { length: 1001, url: direct.upload_url, auth: null }),
      413,
      "PAYLOAD_TOO_LARGE",
    );
    // A refused creation does not spend the URL.
    const ok = await createUpload(projectId, { length: 1000, url: direct.upload_url, auth: null });
    expect(ok.status).toBe(201);
    await uploadInChunks(ok.headers.get("location")!, mediaBytes("mp4", 400), []);
  });

  it("validates the request: bounds of both fields, malformed JSON", async () => {
    const projectId = uniqueProjectId();
    const post = (body: string) =>
      call(`/projects/${projectId}/uploads/direct`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body,
      });
    for (const body of [
      { expires_in_seconds: 10 },
      { expires_in_seconds: 8 * 86400 },
      { max_size_bytes: 0 },
      { max_size_bytes: 6 * 1024 * 1024 * 1024 },
      { max_size_bytes: "big" },
    ]) {
      const res = await post(JSON.stringify(body));
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect((await post("{")).status).toBe(400);
  });
});
