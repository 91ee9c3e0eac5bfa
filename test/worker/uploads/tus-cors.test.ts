import { describe, expect, it } from "vitest";
import { uniqueProjectId } from "../helpers/project-key";
import { call, mediaBytes, newUpload, patch } from "./tus-kit";

const ORIGIN = "https://app.example.com";

describe("CORS on the tus routes", () => {
  it("a preflight is answered by the CORS policy, allowing the tus request headers", async () => {
    const res = await call(
      `/projects/${uniqueProjectId()}/uploads/${"a".repeat(32)}`,
      {
        method: "OPTIONS",
        headers: {
          Origin: ORIGIN,
          "Access-Control-Request-Method": "PATCH",
          "Access-Control-Request-Headers": "tus-resumable,upload-offset,content-type,upload-checksum",
        },
      },
      null,
    );
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(res.headers.get("access-control-allow-methods")).toContain("PATCH");
    const allowed = res.headers.get("access-control-allow-headers")!.toLowerCase().split(",");
    expect(allowed).toEqual(
      expect.arrayContaining(["tus-resumable", "upload-offset", "upload-length", "upload-metadata", "upload-checksum"]),
    );
  });

  it("a preflight on the collection is not swallowed by tus discovery, nor the other way round", async () => {
    const path = `/projects/${uniqueProjectId()}/uploads`;
    const preflight = await call(
      path,
      { method: "OPTIONS", headers: { Origin: ORIGIN, "Access-Control-Request-Method": "POST" } },
      null,
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    expect(preflight.headers.get("tus-version")).toBeNull();

    const discovery = await call(path, { method: "OPTIONS", headers: { Origin: ORIGIN } }, null);
    expect(discovery.status).toBe(204);
    expect(discovery.headers.get("tus-version")).toBe("1.0.0");
    expect(discovery.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(discovery.headers.get("access-control-expose-headers")).toContain("Tus-Max-Size");
  });

  it("tus responses expose their headers to the browser", async () => {
    const location = await newUpload(uniqueProjectId(), { length: 100 });
    const res = await patch(location, 0, mediaBytes("mp4", 50), { headers: { Origin: ORIGIN } });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    const exposed = res.headers.get("access-control-expose-headers")!.split(",");
    expect(exposed).toEqual(
      expect.arrayContaining([
        "Upload-Offset",
        "Upload-Length",
        "Location",
        "Tus-Resumable",
        "Upload-Expires",
        "Asset-Id",
      ]),
    );
  });
});
