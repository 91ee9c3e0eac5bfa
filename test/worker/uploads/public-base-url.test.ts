import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../../worker/app";
import { DirectUploadSchema } from "../../../worker/routes/uploads/schema";
import { uniqueProjectId } from "../helpers/project-key";
import { ADMIN, metadataHeader, TUS } from "./tus-kit";

const PUBLIC = "https://media-api.example.com";
const app = createApp();
// The request arrives under another Host (a proxy's, or one a caller made up); a fresh env object per setting.
const call = (publicBaseUrl: string | undefined, path: string, init: RequestInit) =>
  app.request(`https://internal.host.test${path}`, init, { ...env, PUBLIC_BASE_URL: publicBaseUrl });

const createDirect = async (publicBaseUrl: string | undefined, projectId: string) => {
  const res = await call(publicBaseUrl, `/projects/${projectId}/uploads/direct`, {
    method: "POST",
    headers: { ...ADMIN, "Content-Type": "application/json" },
    body: "{}",
  });
  expect(res.status).toBe(201);
  return DirectUploadSchema.parse(await res.json());
};

const createTus = (publicBaseUrl: string | undefined, url: string, auth: Record<string, string> = ADMIN) =>
  call(publicBaseUrl, url, {
    method: "POST",
    headers: { ...auth, ...TUS, "Upload-Length": "100", "Upload-Metadata": metadataHeader({ filename: "a.mp4" }) },
  });

describe("PUBLIC_BASE_URL", () => {
  it("is the origin of upload_url and of the tus Location, whatever the request's Host", async () => {
    const projectId = uniqueProjectId();
    const direct = await createDirect(PUBLIC, projectId);
    const uploadUrl = new URL(direct.upload_url);
    expect(uploadUrl.origin).toBe(PUBLIC);
    expect(uploadUrl.pathname).toBe(`/projects/${projectId}/uploads`);

    // Through the direct URL (its Location carries an upload token) and with an API key.
    const viaToken = await createTus(PUBLIC, `${uploadUrl.pathname}${uploadUrl.search}`, {});
    expect(viaToken.status).toBe(201);
    expect(new URL(viaToken.headers.get("location")!).origin).toBe(PUBLIC);
    expect(new URL(viaToken.headers.get("location")!).searchParams.get("token")).toBeTruthy();
    const viaKey = await createTus(PUBLIC, `/projects/${projectId}/uploads`);
    expect(viaKey.status).toBe(201);
    expect(new URL(viaKey.headers.get("location")!).origin).toBe(PUBLIC);
  });

  it("unset, the URLs follow the request's Host as before", async () => {
    const projectId = uniqueProjectId();
    expect(new URL((await createDirect(undefined, projectId)).upload_url).origin).toBe("https://internal.host.test");
    const created = await createTus(undefined, `/projects/${projectId}/uploads`);
    expect(new URL(created.headers.get("location")!).origin).toBe("https://internal.host.test");
  });
});
