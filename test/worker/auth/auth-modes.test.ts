import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../../worker/app";
import { ErrorEnvelopeSchema } from "../../../worker/errors";
import { ApiKeyListSchema } from "../../../worker/routes/api-keys/schema";
import { bearer, createProjectKey, uniqueProjectId } from "../helpers/project-key";

// A fresh env object per mode: settings are parsed once per env object, so each gets its own settings.
const app = createApp();
const call = (overrides: Record<string, string | undefined>, path: string, init?: RequestInit) =>
  app.request(`https://api.test${path}`, init, { ...env, ...overrides });

afterEach(() => vi.restoreAllMocks());

describe("auth modes", () => {
  for (const mode of ["production", "test"]) {
    it(`${mode} without ADMIN_API_KEY fails closed: protected routes answer 503, public ones stay up`, async () => {
      const overrides = { DEPLOY_ENV: mode, ADMIN_API_KEY: undefined };
      const projectId = uniqueProjectId();
      const { key } = await createProjectKey(projectId);
      const attempts: [string, RequestInit][] = [
        [`/projects/${projectId}/api-keys`, {}],
        [`/projects/${projectId}/api-keys`, { headers: bearer(key) }],
        [`/projects/${projectId}/api-keys`, { method: "POST", headers: bearer("test-admin-key") }],
        [`/projects/${projectId}/stream-tokens`, { method: "POST", headers: bearer(key) }],
      ];
      for (const [path, init] of attempts) {
        const res = await call(overrides, path, init);
        expect(res.status).toBe(503);
        const { error } = ErrorEnvelopeSchema.parse(await res.json());
        expect(error.code).toBe("SERVICE_UNAVAILABLE");
        expect(error.message).toContain("ADMIN_API_KEY");
      }
      for (const path of ["/health", "/info", "/openapi.json", "/docs", "/redoc"]) {
        expect((await call(overrides, path)).status, path).toBe(200);
      }
    });
  }

  it("an empty ADMIN_API_KEY counts as unset and also fails closed", async () => {
    const res = await call({ ADMIN_API_KEY: "" }, `/projects/${uniqueProjectId()}/api-keys`);
    expect(res.status).toBe(503);
  });

  it("development with ADMIN_API_KEY enforces auth", async () => {
    const res = await call({ DEPLOY_ENV: "development" }, `/projects/${uniqueProjectId()}/api-keys`);
    expect(res.status).toBe(401);
  });

  it("development without ADMIN_API_KEY is open, and warns once per isolate", async () => {
    const lines: string[] = [];
    const capture = (...args: unknown[]) => {
      lines.push(args.map(String).join(" "));
    };
    vi.spyOn(console, "log").mockImplementation(capture);
    vi.spyOn(console, "warn").mockImplementation(capture);
    vi.spyOn(console, "error").mockImplementation(capture);
    const overrides = { DEPLOY_ENV: "development", ADMIN_API_KEY: undefined, LOG_LEVEL: "WARNING" };
    const projectId = uniqueProjectId();

    const list = await call(overrides, `/projects/${projectId}/api-keys`);
    expect(list.status).toBe(200);
    expect(ApiKeyListSchema.parse(await list.json()).api_keys).toEqual([]);
    const created = await call(overrides, `/projects/${projectId}/api-keys`, { method: "POST" });
    expect(created.status).toBe(201);
    const token = await call(overrides, `/projects/${projectId}/stream-tokens`, { method: "POST" });
    expect(token.status).toBe(201);
    // The project id is still validated when auth is off.
    expect((await call(overrides, "/projects/bad.id/api-keys")).status).toBe(400);

    const warnings = lines.filter((line) => line.includes("auth_disabled"));
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0] as string)).toMatchObject({ level: "WARNING", message: "auth_disabled" });
  });
});
