import { env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { createRoute, z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { createApp } from "../../../worker/app";
import { ErrorEnvelopeSchema, errorResponses } from "../../../worker/errors";

const api = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`https://api.test${path}`, init));

/** The real app plus two probe routes: one with a JSON body schema, one that throws. */
function appWithProbeRoutes() {
  const app = createApp();
  const BodySchema = z.object({ name: z.string().min(1), count: z.number().int().positive() });
  app.openapi(
    createRoute({
      method: "post",
      path: "/probe/echo",
      request: { body: { content: { "application/json": { schema: BodySchema } }, required: true } },
      responses: { 200: { description: "ok" }, ...errorResponses(400, 422) },
    }),
    (c) => c.json(c.req.valid("json"), 200),
  );
  app.get("/probe/boom", () => {
    throw new Error("database password is hunter2");
  });
  return app;
}

async function expectEnvelope(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/json");
  const body = ErrorEnvelopeSchema.parse(await res.json());
  expect(body.error.code).toBe(code);
  expect(body.error.request_id).toBe(res.headers.get("x-request-id"));
  return body;
}

describe("error envelope", () => {
  it("unknown route -> 404 NOT_FOUND", async () => {
    await expectEnvelope(await api("/no/such/route"), 404, "NOT_FOUND");
  });

  it("known path with the wrong method -> 405 with Allow", async () => {
    const res = await api("/health", { method: "DELETE" });
    await expectEnvelope(res, 405, "METHOD_NOT_ALLOWED");
    expect(res.headers.get("allow")).toContain("GET");
  });

  it("malformed JSON -> 400 MALFORMED_JSON", async () => {
    const res = await appWithProbeRoutes().request(
      "/probe/echo",
      { method: "POST", headers: { "content-type": "application/json" }, body: '{"name": "x",' },
      env,
    );
    await expectEnvelope(res, 400, "MALFORMED_JSON");
  });

  it("schema violation -> 422 VALIDATION_ERROR with field-level details", async () => {
    const res = await appWithProbeRoutes().request(
      "/probe/echo",
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "", count: "3" }),
      },
      env,
    );
    const body = await expectEnvelope(res, 422, "VALIDATION_ERROR");
    expect(body.error.details?.map((d) => d.path).sort()).toEqual(["count", "name"]);
  });

  it("valid body passes through", async () => {
    const res = await appWithProbeRoutes().request(
      "/probe/echo",
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "a", count: 3 }),
      },
      env,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: "a", count: 3 });
  });

  it("unexpected error -> 500 INTERNAL_ERROR without leaking internals", async () => {
    const res = await appWithProbeRoutes().request("/probe/boom", {}, env);
    const body = await expectEnvelope(res, 500, "INTERNAL_ERROR");
    expect(JSON.stringify(body)).not.toContain("hunter2");
  });
});

describe("request ids", () => {
  it("generates one when none is sent", async () => {
    const res = await api("/health");
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("echoes a caller's id, on success and on error", async () => {
    for (const path of ["/health", "/missing"]) {
      const res = await api(path, { headers: { "x-request-id": "client-123" } });
      expect(res.headers.get("x-request-id")).toBe("client-123");
    }
  });

  it("replaces an unsafe id", async () => {
    const res = await api("/health", { headers: { "x-request-id": "bad id\twith spaces" } });
    expect(res.headers.get("x-request-id")).not.toContain(" ");
  });
});

describe("CORS", () => {
  it("answers a preflight from a configured origin", async () => {
    const res = await api("/health", {
      method: "OPTIONS",
      headers: { origin: "https://app.example.com", "access-control-request-method": "GET" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    expect(res.headers.get("access-control-allow-methods")).toContain("PATCH");
  });

  it("does not allow an unlisted origin", async () => {
    const res = await api("/health", { headers: { origin: "https://evil.example" } });
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("allows any origin only when * is configured", async () => {
    const res = await createApp().request(
      "/health",
      { headers: { origin: "https://any.example" } },
      { ...env, CORS_ORIGINS: "*" },
    );
    expect(res.headers.get("access-control-allow-origin")).toBe("https://any.example");
  });
});
