import { describe, expect, it } from "vitest";
import { uniqueProjectId } from "../helpers/project-key";
import {
  ADMIN,
  call,
  createUpload,
  expectHeadStatus,
  expectTusError,
  head,
  MiB,
  mediaBytes,
  metadataHeader,
  newUpload,
  OCTETS,
  offsetOf,
  patch,
  TUS,
  uploadInChunks,
} from "./tus-kit";

const sha1Base64 = async (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest("SHA-1", bytes))));

describe("tus protocol errors", { timeout: 60_000 }, () => {
  it("412 with Tus-Version for a missing or unsupported Tus-Resumable", async () => {
    const projectId = uniqueProjectId();
    const res = await createUpload(projectId, { length: 10, headers: { "Tus-Resumable": "0.2.2" } });
    const body = await expectTusError(res, 412, "PRECONDITION_FAILED");
    expect(body.error.message).toContain("1.0.0");
    expect(res.headers.get("tus-version")).toBe("1.0.0");
    const location = await newUpload(projectId, { length: 10 });
    expectHeadStatus(await call(location, { method: "HEAD" }), 412);
    await expectTusError(
      await call(location, { method: "PATCH", headers: { ...OCTETS, "Upload-Offset": "0" }, body: "x" }),
      412,
      "PRECONDITION_FAILED",
    );
  });

  it("400 for a missing or malformed Upload-Length, deferred length or bad metadata", async () => {
    const projectId = uniqueProjectId();
    const url = `/projects/${projectId}/uploads`;
    const post = (headers: Record<string, string>) => call(url, { method: "POST", headers: { ...TUS, ...headers } });
    await expectTusError(await post({ "Upload-Metadata": metadataHeader({ filename: "a.mp4" }) }), 400, "BAD_REQUEST");
    await expectTusError(await post({ "Upload-Length": "-5" }), 400, "BAD_REQUEST");
    await expectTusError(await post({ "Upload-Length": "12abc" }), 400, "BAD_REQUEST");
    await expectTusError(
      await post({ "Upload-Length": "0", "Upload-Metadata": metadataHeader({ filename: "a.mp4" }) }),
      400,
      "BAD_REQUEST",
    );
    await expectTusError(await post({ "Upload-Defer-Length": "1" }), 400, "BAD_REQUEST");
    await expectTusError(
      await post({ "Upload-Length": "10", "Upload-Metadata": "filename not*base64" }),
      400,
      "BAD_REQUEST",
    );
    await expectTusError(
      await post({ "Upload-Length": "10", "Upload-Metadata": `filename ${btoa("a.mp4")},filename ${btoa("b.mp4")}` }),
      400,
      "BAD_REQUEST",
    );
  });

  it("413 when Upload-Length exceeds Tus-Max-Size", async () => {
    const res = await createUpload(uniqueProjectId(), { length: 5 * 1024 * 1024 * 1024 + 1 });
    await expectTusError(res, 413, "PAYLOAD_TOO_LARGE");
  });

  it("415 for a non-video file name and no video filetype", async () => {
    await expectTusError(
      await createUpload(uniqueProjectId(), { length: 10, filename: "notes.txt" }),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
    await expectTusError(
      await createUpload(uniqueProjectId(), { length: 10, filename: "song.mp3" }),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
  });

  it("a video filetype stands in for a missing extension", async () => {
    const res = await createUpload(uniqueProjectId(), {
      length: 10,
      filename: "recording",
      filetype: "video/quicktime",
    });
    expect(res.status).toBe(201);
  });

  it("415 for a PATCH without application/offset+octet-stream", async () => {
    const location = await newUpload(uniqueProjectId(), { length: 10 });
    const res = await patch(location, 0, new Uint8Array(5), {
      headers: { "Content-Type": "application/octet-stream" },
    });
    await expectTusError(res, 415, "UNSUPPORTED_MEDIA_TYPE");
    expect(await offsetOf(location)).toBe(0);
  });

  it("400 for a PATCH without Upload-Offset", async () => {
    const location = await newUpload(uniqueProjectId(), { length: 10 });
    const res = await call(location, { method: "PATCH", headers: { ...TUS, ...OCTETS }, body: "12345" });
    await expectTusError(res, 400, "BAD_REQUEST");
  });

  it("409 for an offset that does not match", async () => {
    const location = await newUpload(uniqueProjectId(), { length: 100 });
    await expectTusError(await patch(location, 10, new Uint8Array(5)), 409, "CONFLICT");
    expect(await offsetOf(location)).toBe(0);
  });

  it("413 for a PATCH past Upload-Length, by Content-Length or by the streamed body", async () => {
    const bytes = mediaBytes("mp4", 100);
    const location = await newUpload(uniqueProjectId(), { length: 100 });
    await expectTusError(await patch(location, 0, new Uint8Array(101)), 413, "PAYLOAD_TOO_LARGE");
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, 60));
        controller.enqueue(new Uint8Array(60));
        controller.close();
      },
    });
    await expectTusError(await patch(location, 0, stream), 413, "PAYLOAD_TOO_LARGE");
    expect(await offsetOf(location)).toBe(0);
    expect((await patch(location, 0, bytes)).status).toBe(204);
  });

  it("460 for a checksum mismatch stores nothing; a matching checksum is accepted", async () => {
    const bytes = mediaBytes("mp4", 6 * MiB, 9);
    const location = await newUpload(uniqueProjectId(), { length: bytes.length });
    const first = bytes.subarray(0, 5 * MiB + 7);
    const wrong = await patch(location, 0, first, {
      headers: { "Upload-Checksum": `sha1 ${await sha1Base64(bytes.subarray(1, 10))}` },
    });
    await expectTusError(wrong, 460, "CHECKSUM_MISMATCH");
    expect(await offsetOf(location)).toBe(0);
    const right = await patch(location, 0, first, {
      headers: { "Upload-Checksum": `sha1 ${await sha1Base64(first)}` },
    });
    expect(right.status).toBe(204);
    expect(right.headers.get("upload-offset")).toBe(String(first.length));
    const rest = bytes.subarray(first.length);
    const done = await patch(location, first.length, rest, {
      headers: { "Upload-Checksum": `sha1 ${await sha1Base64(rest)}` },
    });
    expect(done.status).toBe(204);
    expect(done.headers.get("asset-id")).toBeTruthy();
  });

  it("400 for an unsupported checksum algorithm or a malformed checksum", async () => {
    const location = await newUpload(uniqueProjectId(), { length: 10 });
    await expectTusError(
      await patch(location, 0, new Uint8Array(5), { headers: { "Upload-Checksum": "md5 AAAA" } }),
      400,
      "BAD_REQUEST",
    );
    await expectTusError(
      await patch(location, 0, new Uint8Array(5), { headers: { "Upload-Checksum": "sha1 !!" } }),
      400,
      "BAD_REQUEST",
    );
  });

  it("404 for unknown or malformed upload ids", async () => {
    const projectId = uniqueProjectId();
    expectHeadStatus(await head(`/projects/${projectId}/uploads/${"a".repeat(32)}`), 404);
    await expectTusError(await call(`/projects/${projectId}/uploads/${"a".repeat(32)}`), 404, "NOT_FOUND");
    await expectTusError(await call(`/projects/${projectId}/uploads/not-an-id`), 404, "NOT_FOUND");
    await expectTusError(
      await patch(`/projects/${projectId}/uploads/${"b".repeat(32)}`, 0, new Uint8Array(1)),
      404,
      "NOT_FOUND",
    );
    await expectTusError(
      await call(`/projects/${projectId}/uploads/${"c".repeat(32)}`, { method: "DELETE", headers: TUS }),
      404,
      "NOT_FOUND",
    );
  });

  it("a non-video is rejected at completion: 415, object deleted, no asset, upload gone", async () => {
    const projectId = uniqueProjectId();
    const bytes = mediaBytes("png", 6 * MiB, 4);
    const location = await newUpload(projectId, { length: bytes.length, filename: "fake.mp4" });
    await uploadInChunks(location, bytes, [5 * MiB]);
    const res = await patch(location, 5 * MiB, bytes.subarray(5 * MiB));
    await expectTusError(res, 415, "UNSUPPORTED_MEDIA_TYPE");
    expect(res.headers.get("asset-id")).toBeNull();
    expectHeadStatus(await head(location), 410);
    await expectTusError(await call(location), 410, "GONE");
    const videos = await (await call(`/projects/${projectId}/videos`, { headers: ADMIN })).json();
    expect((videos as { items: unknown[] }).items).toHaveLength(0);
    const { env } = await import("cloudflare:test");
    const listed = await env.BUCKET.list({ prefix: `projects/${projectId}/` });
    expect(listed.objects).toHaveLength(0);
  });

  it("DELETE of a completed upload is a conflict; the asset stays", async () => {
    const bytes = mediaBytes("mp4", 2000);
    const res = await createUpload(uniqueProjectId(), { length: bytes.length, body: bytes });
    const location = res.headers.get("location")!;
    await expectTusError(await call(location, { method: "DELETE", headers: TUS }), 409, "CONFLICT");
    expect((await head(location)).headers.get("asset-id")).toBe(res.headers.get("asset-id"));
  });
});
