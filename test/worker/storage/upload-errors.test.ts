import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ErrorEnvelopeSchema } from "../../../worker/errors";
import { UPLOAD_PART_SIZE } from "../../../worker/storage/object-writer";
import { uniqueProjectId } from "../helpers/project-key";
import { api, appWith, fileForm, mediaBytes, r2Objects, upload } from "./helpers";

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = ErrorEnvelopeSchema.parse(await res.json());
  expect(body.error.code).toBe(code);
  return body;
}

/** Nothing was stored or registered for the project: no R2 object, no asset, no storage row. */
async function expectNothingStored(projectId: string) {
  expect(await r2Objects(`projects/${projectId}/`)).toEqual([]);
  const assets = await env.DB.prepare("SELECT count(*) AS n FROM assets WHERE project_id = ?").bind(projectId).first();
  const objects = await env.DB.prepare("SELECT count(*) AS n FROM storage_objects WHERE project_id = ?")
    .bind(projectId)
    .first();
  expect([assets?.n, objects?.n]).toEqual([0, 0]);
}

describe("upload errors", () => {
  it("415 for an extension the endpoint does not accept", async () => {
    const projectId = uniqueProjectId();
    await expectError(await upload(projectId, "videos", mediaBytes("mp4"), "clip.mkv"), 415, "UNSUPPORTED_MEDIA_TYPE");
    await expectError(
      await upload(projectId, "videos", mediaBytes("mp4"), "no-extension"),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
    await expectError(await upload(projectId, "music", mediaBytes("mp4"), "clip.mp4"), 415, "UNSUPPORTED_MEDIA_TYPE");
    await expectError(await upload(projectId, "images", mediaBytes("mp3"), "a.mp3"), 415, "UNSUPPORTED_MEDIA_TYPE");
    await expectNothingStored(projectId);
  });

  it("415 when the content does not match the extension (a PNG named .mp4, ...)", async () => {
    const projectId = uniqueProjectId();
    const cases: [Parameters<typeof upload>[1], Uint8Array, string][] = [
      ["videos", mediaBytes("png"), "fake.mp4"],
      ["videos", mediaBytes("wav"), "fake.avi"],
      ["videos", mediaBytes("mp4"), "fake.avi"],
      ["music", mediaBytes("png"), "fake.mp3"],
      ["music", mediaBytes("mp3"), "fake.wav"],
      ["music", mediaBytes("mp3"), "fake.aac"],
      ["images", mediaBytes("jpeg"), "fake.png"],
      ["images", mediaBytes("wav"), "fake.webp"],
      ["videos", new TextEncoder().encode("hello"), "tiny.mp4"],
    ];
    for (const [segment, bytes, name] of cases) {
      const body = await expectError(await upload(projectId, segment, bytes, name), 415, "UNSUPPORTED_MEDIA_TYPE");
      expect(body.error.message).toMatch(/content|extension/);
    }
    await expectNothingStored(projectId);
  });

  it("415 for a fake file larger than one R2 part, before anything reaches R2", async () => {
    const projectId = uniqueProjectId();
    const res = await upload(projectId, "videos", mediaBytes("png", UPLOAD_PART_SIZE + 100), "big-fake.mp4");
    await expectError(res, 415, "UNSUPPORTED_MEDIA_TYPE");
    await expectNothingStored(projectId);
  });

  it("422 for an empty file", async () => {
    const projectId = uniqueProjectId();
    const body = await expectError(
      await upload(projectId, "videos", new Uint8Array(0), "empty.mp4"),
      422,
      "VALIDATION_ERROR",
    );
    expect(body.error.details?.[0]).toMatchObject({ path: "file", code: "empty_file" });
    await expectNothingStored(projectId);
  });

  it("422 when the file field is missing, or is a plain text field", async () => {
    const projectId = uniqueProjectId();
    const wrongField = await api(`/projects/${projectId}/videos`, {
      method: "POST",
      body: fileForm(mediaBytes("mp4"), "a.mp4", "video"),
    });
    const body = await expectError(wrongField, 422, "VALIDATION_ERROR");
    expect(body.error.details?.[0]).toMatchObject({ path: "file", code: "required" });

    const textOnly = new FormData();
    textOnly.append("file", "just text");
    await expectError(
      await api(`/projects/${projectId}/videos`, { method: "POST", body: textOnly }),
      422,
      "VALIDATION_ERROR",
    );
    await expectNothingStored(projectId);
  });

  it("415 for a body that is not multipart/form-data", async () => {
    const projectId = uniqueProjectId();
    const json = await api(`/projects/${projectId}/videos`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ file: "x" }),
    });
    await expectError(json, 415, "UNSUPPORTED_MEDIA_TYPE");
    const raw = await api(`/projects/${projectId}/videos`, {
      method: "POST",
      headers: { "Content-Type": "video/mp4" },
      body: mediaBytes("mp4"),
    });
    await expectError(raw, 415, "UNSUPPORTED_MEDIA_TYPE");
    await expectError(await api(`/projects/${projectId}/videos`, { method: "POST" }), 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  it("400 for a malformed multipart body", async () => {
    const projectId = uniqueProjectId();
    const send = (body: string) =>
      api(`/projects/${projectId}/videos`, {
        method: "POST",
        headers: { "Content-Type": "multipart/form-data; boundary=XyZ" },
        body,
      });
    await expectError(await send("no boundary anywhere"), 400, "BAD_REQUEST");
    await expectError(
      await send(
        '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.mp4"\r\n\r\n\0\0\0\x18ftypisom truncated',
      ),
      400,
      "BAD_REQUEST",
    );
    await expectError(await send("--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--\r\n"), 400, "BAD_REQUEST");
    await expectNothingStored(projectId);
  });

  it("413 over UPLOAD_MAX_SIZE, with nothing stored or registered", async () => {
    const projectId = uniqueProjectId();
    const request = appWith({ UPLOAD_MAX_SIZE: "4096" });
    const post = (bytes: Uint8Array) =>
      request(`/projects/${projectId}/videos`, { method: "POST", body: fileForm(bytes, "a.mp4") });
    await expectError(await post(mediaBytes("mp4", 4097)), 413, "PAYLOAD_TOO_LARGE");
    await expectNothingStored(projectId);
    // Exactly at the limit is allowed.
    expect((await post(mediaBytes("mp4", 4096))).status).toBe(201);
  });

  it("413 after R2 parts were already uploaded aborts the multipart upload", async () => {
    const projectId = uniqueProjectId();
    const request = appWith({ UPLOAD_MAX_SIZE: String(UPLOAD_PART_SIZE + 1024 * 1024) });
    const res = await request(`/projects/${projectId}/videos`, {
      method: "POST",
      body: fileForm(mediaBytes("mp4", UPLOAD_PART_SIZE * 2 + 10), "huge.mp4"),
    });
    await expectError(res, 413, "PAYLOAD_TOO_LARGE");
    await expectNothingStored(projectId);
  });

  it("400 for a bad project id before storage is touched", async () => {
    for (const bad of ["-leading-dash", "has.dot", "a".repeat(65), "a%20b"]) {
      await expectError(await upload(bad, "videos", mediaBytes("mp4"), "a.mp4"), 400, "BAD_REQUEST");
    }
    expect(await r2Objects("projects/-leading-dash/")).toEqual([]);
  });
});
