import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { HealthSchema } from "../../../worker/routes/system/health";
import { InfoSchema } from "../../../worker/routes/system/info";

const api = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`https://api.test${path}`, init));

describe("system routes", () => {
  it("GET /health answers healthy with an ISO timestamp", async () => {
    const res = await api("/health");
    expect(res.status).toBe(200);
    const body = HealthSchema.parse(await res.json());
    expect(body.status).toBe("healthy");
    expect(Number.isNaN(Date.parse(body.timestamp))).toBe(false);
  });

  it("GET /info reports name, version and debug from settings", async () => {
    const res = await api("/info");
    expect(res.status).toBe(200);
    expect(InfoSchema.parse(await res.json())).toEqual({
      name: "Quiz System Backend",
      version: "0.1.0",
      debug: false,
    });
  });
});
