import { describe, expect, it } from "vitest";
import { ErrorEnvelopeSchema } from "../../../worker/errors";
import { AssetSchema } from "../../../worker/routes/assets/schema";
import { uniqueProjectId } from "../helpers/project-key";
import { api, mediaBytes, upload } from "./helpers";

const SIZE = 10_000;

async function uploadedVideo() {
  const projectId = uniqueProjectId();
  const bytes = mediaBytes("mp4", SIZE, 11);
  const asset = AssetSchema.parse(await (await upload(projectId, "videos", bytes, "Vidéo.mp4")).json());
  const path = `/projects/${projectId}/videos/${asset.asset_id}/content`;
  return {
    bytes,
    asset,
    path,
    get: (headers: Record<string, string> = {}, method = "GET") => api(path, { method, headers }),
  };
}

const body = async (res: Response) => new Uint8Array(await res.arrayBuffer());

describe("GET /projects/{project_id}/videos/{asset_id}/content", () => {
  it("streams the whole file with validators", async () => {
    const { bytes, asset, get } = await uploadedVideo();
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("video/mp4");
    expect(res.headers.get("content-length")).toBe(String(SIZE));
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("etag")).toBe(`"${asset.checksum}"`);
    expect(res.headers.get("last-modified")).toBe(new Date(asset.created_at).toUTCString());
    expect(res.headers.get("content-disposition")).toBe(
      `inline; filename="${asset.filename}"; filename*=UTF-8''${encodeURIComponent("Vidéo.mp4")}`,
    );
    expect(await body(res)).toEqual(bytes);
  });

  it.each([
    ["bytes=0-99", 0, 99],
    ["bytes=100-199", 100, 199],
    ["bytes=9990-", 9990, SIZE - 1],
    ["bytes=9000-20000", 9000, SIZE - 1],
    ["bytes=-500", SIZE - 500, SIZE - 1],
    ["bytes=-20000", 0, SIZE - 1],
    ["bytes=0-0", 0, 0],
  ])("%s → 206 with the right bytes and Content-Range", async (range, start, end) => {
    const { bytes, get } = await uploadedVideo();
    const res = await get({ Range: range });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes ${start}-${end}/${SIZE}`);
    expect(res.headers.get("content-length")).toBe(String(end - start + 1));
    expect(await body(res)).toEqual(bytes.slice(start, end + 1));
  });

  it.each(["bytes=10000-", "bytes=20000-30000", "bytes=-0"])("%s → 416 with Content-Range */size", async (range) => {
    const { get } = await uploadedVideo();
    const res = await get({ Range: range });
    expect(res.status).toBe(416);
    expect(res.headers.get("content-range")).toBe(`bytes */${SIZE}`);
    expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe("RANGE_NOT_SATISFIABLE");
  });

  it.each([
    "items=0-10",
    "bytes=abc",
    "bytes=50-10",
    "bytes=0-1,5-6",
    "bytes=-",
  ])("ignores the malformed or multi-range header %s and sends the whole file", async (range) => {
    const { bytes, get } = await uploadedVideo();
    const res = await get({ Range: range });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-range")).toBeNull();
    expect(await body(res)).toEqual(bytes);
  });

  it("answers conditional requests: If-None-Match, If-Modified-Since, If-Match", async () => {
    const { asset, get } = await uploadedVideo();
    const etag = `"${asset.checksum}"`;
    const lastModified = new Date(asset.created_at).toUTCString();

    const notModified = await get({ "If-None-Match": etag });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("etag")).toBe(etag);
    expect(await notModified.text()).toBe("");
    expect((await get({ "If-None-Match": `W/${etag}` })).status).toBe(304);
    expect((await get({ "If-None-Match": `"other", ${etag}` })).status).toBe(304);
    expect((await get({ "If-None-Match": "*" })).status).toBe(304);
    expect((await get({ "If-None-Match": '"other"' })).status).toBe(200);

    expect((await get({ "If-Modified-Since": lastModified })).status).toBe(304);
    expect(
      (await get({ "If-Modified-Since": new Date(Date.parse(asset.created_at) - 60_000).toUTCString() })).status,
    ).toBe(200);
    // If-None-Match wins over If-Modified-Since.
    expect((await get({ "If-None-Match": '"other"', "If-Modified-Since": lastModified })).status).toBe(200);

    expect((await get({ "If-Match": etag })).status).toBe(200);
    const failed = await get({ "If-Match": '"other"' });
    expect(failed.status).toBe(412);
    expect(ErrorEnvelopeSchema.parse(await failed.json()).error.code).toBe("PRECONDITION_FAILED");
  });

  it("If-Range: the range when the validator is current, the whole file otherwise", async () => {
    const { asset, bytes, get } = await uploadedVideo();
    const etag = `"${asset.checksum}"`;
    const lastModified = new Date(asset.created_at).toUTCString();
    expect((await get({ Range: "bytes=0-9", "If-Range": etag })).status).toBe(206);
    expect((await get({ Range: "bytes=0-9", "If-Range": lastModified })).status).toBe(206);
    const stale = await get({ Range: "bytes=0-9", "If-Range": '"stale"' });
    expect(stale.status).toBe(200);
    expect(await body(stale)).toEqual(bytes);
    expect((await get({ Range: "bytes=0-9", "If-Range": `W/${etag}` })).status).toBe(200);
    expect((await get({ Range: "bytes=0-9", "If-Range": "Mon, 01 Jan 2001 00:00:00 GMT" })).status).toBe(200);
  });

  it("HEAD gives the headers without a body", async () => {
    const { get } = await uploadedVideo();
    const full = await get({}, "HEAD");
    expect(full.status).toBe(200);
    expect(full.headers.get("content-length")).toBe(String(SIZE));
    expect(await full.text()).toBe("");
    const ranged = await get({ Range: "bytes=-10" }, "HEAD");
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get("content-range")).toBe(`bytes ${SIZE - 10}-${SIZE - 1}/${SIZE}`);
  });

  it("404 for an unknown asset", async () => {
    const res = await api(`/projects/${uniqueProjectId()}/videos/${crypto.randomUUID()}/content`);
    expect(res.status).toBe(404);
    expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe("NOT_FOUND");
  });
});
