import { exports } from "cloudflare:workers";
import { OpenAPIHono, z } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../../worker/app-env";
import { documented } from "../../../worker/middleware/documented";
import { defineRoute, registerOperationDocs } from "../../../worker/routes/define-route";

type Operation = {
  operationId: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; schema?: { maxLength?: number } }[];
  responses: Record<string, { content?: Record<string, unknown>; headers?: Record<string, unknown> }>;
};
type Document = { paths: Record<string, Record<string, Operation>> };

async function document(): Promise<Document> {
  const res = await exports.default.fetch(new Request("https://api.test/openapi.json"));
  expect(res.status).toBe(200);
  return (await res.json()) as Document;
}

function operations(doc: Document) {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
  );
}

describe("documented errors come from the middleware", () => {
  it("every route behind the auth middleware documents 401, 403, 429 and 503, and 400 for its project id", async () => {
    const authed = operations(await document()).filter(({ operation }) => (operation.security ?? []).length > 0);
    expect(authed.length).toBeGreaterThanOrEqual(40);
    for (const { path, method, operation } of authed) {
      const statuses = Object.keys(operation.responses);
      const expected = ["401", "403", "429", "503", ...(path.includes("{project_id}") ? ["400"] : [])];
      expect(statuses, `${method.toUpperCase()} ${path}`).toEqual(expect.arrayContaining(expected));
      expect(operation.responses["429"]?.headers, `${method} ${path} 429`).toHaveProperty("Retry-After");
    }
  });

  it("the AI routes and the job routes list 429 and 503", async () => {
    const doc = await document();
    for (const path of [
      "/projects/{project_id}/videos/{asset_id}/ai/transcript",
      "/projects/{project_id}/videos/{asset_id}/ai/scenes",
      "/projects/{project_id}/jobs/{job_id}",
      "/projects/{project_id}/jobs/{job_id}/events",
    ]) {
      expect(Object.keys(doc.paths[path]?.get?.responses ?? {}), path).toEqual(expect.arrayContaining(["429", "503"]));
    }
  });

  it("an asset id longer than 64 characters is a documented 422", async () => {
    const doc = await document();
    const assetRoutes = operations(doc).filter(({ path }) => path.includes("{asset_id}"));
    expect(assetRoutes.length).toBeGreaterThan(10);
    for (const { path, method, operation } of assetRoutes) {
      const param = operation.parameters?.find((p) => p.name === "asset_id");
      expect(param?.schema?.maxLength, `${method} ${path}`).toBe(64);
      expect(Object.keys(operation.responses), `${method} ${path}`).toContain("422");
    }
    const res = await exports.default.fetch(
      new Request(`https://api.test/projects/p1/videos/${"a".repeat(65)}`, {
        headers: { Authorization: "Bearer test-admin-key" },
      }),
    );
    expect(res.status).toBe(422);
  });

  it("binary routes document what they serve, and HEAD", async () => {
    const doc = await document();
    const types = (path: string, method = "get", status = "200") =>
      Object.keys(doc.paths[path]?.[method]?.responses[status]?.content ?? {});
    expect(types("/projects/{project_id}/videos/{asset_id}/content")).toEqual([
      "video/mp4",
      "video/quicktime",
      "video/x-msvideo",
    ]);
    expect(types("/projects/{project_id}/exports/{asset_id}/content", "get", "206")).toEqual([
      "video/mp4",
      "video/quicktime",
      "video/webm",
    ]);
    for (const path of [
      "/projects/{project_id}/videos/{asset_id}/thumbnail",
      "/projects/{project_id}/videos/{asset_id}/storyboard/sprite",
      "/projects/{project_id}/exports/{asset_id}/thumbnail",
    ]) {
      expect(types(path), path).toEqual(["image/jpeg"]);
    }
    const binaryPaths = operations(doc).filter(({ operation }) => operation.responses["206"]);
    expect(binaryPaths.length).toBe(10);
    for (const { path, method, operation } of binaryPaths) {
      expect(doc.paths[path]?.head?.operationId, path).toBe(doc.paths[path]?.get?.operationId.replace(/^get/, "head"));
      expect(JSON.stringify(operation.responses), path).not.toContain("application/octet-stream");
      if (method === "head") expect(operation.responses["200"]?.content, path).toBeUndefined();
    }
  });

  it("a HEAD error answer has the status and headers, and no Content-Type for a body it never has", async () => {
    const head = (path: string, headers: Record<string, string> = {}) =>
      exports.default.fetch(new Request(`https://api.test${path}`, { method: "HEAD", headers }));
    const missing = await head("/projects/p1/videos/no-such-video/content", { Authorization: "Bearer test-admin-key" });
    expect([missing.status, missing.headers.get("content-type"), await missing.text()]).toEqual([404, null, ""]);
    expect(missing.headers.get("x-request-id")).toBeTruthy();
    const anonymous = await head("/projects/p1/videos/no-such-video/content");
    expect([anonymous.status, anonymous.headers.get("content-type")]).toEqual([401, null]);
    expect(anonymous.headers.get("www-authenticate")).toContain("Bearer");
    const get = await exports.default.fetch(new Request("https://api.test/projects/p1/videos/no-such-video/content"));
    expect([get.status, get.headers.get("content-type")]).toEqual([401, "application/json"]);
  });

  it("defineRoute adds the middleware's, the validators' and the handler's statuses, and 500", () => {
    const teapot = documented(
      createMiddleware<AppEnv>((_c, next) => next()),
      (route) => (route.method === "get" ? [409] : [410]),
      { checkedParams: ["id"] },
    );
    const base = { path: "/probe/{id}", middleware: [teapot], responses: { 200: { description: "ok" } } };
    const statuses = (route: { responses: object }) => Object.keys(route.responses).map(Number);

    const checked = defineRoute({ ...base, method: "get", request: { params: z.object({ id: z.string() }) } });
    expect(statuses(checked)).toEqual([200, 409, 500]);

    const withBody = defineRoute({
      ...base,
      method: "post",
      request: { body: { content: { "application/json": { schema: z.object({ n: z.number() }) } } } },
      errors: [404],
    });
    expect(statuses(withBody)).toEqual([200, 400, 404, 410, 415, 422, 500]);

    const unchecked = defineRoute({ ...base, method: "get", request: { params: z.object({ other: z.string() }) } });
    expect(statuses(unchecked)).toContain(422);
  });

  it("registerOperationDocs documents an operation without registering its middleware", () => {
    const app = new OpenAPIHono<AppEnv>();
    const guard = documented(
      createMiddleware<AppEnv>((_c, next) => next()),
      [401],
    );
    registerOperationDocs(app, {
      method: "head",
      path: "/probe",
      operationId: "headProbe",
      middleware: [guard],
      responses: { 200: { description: "ok" } },
    });
    const doc = app.getOpenAPIDocument({ openapi: "3.0.3", info: { title: "t", version: "1" } });
    const head = doc.paths?.["/probe"]?.head;
    expect(Object.keys(head?.responses ?? {})).toEqual(["200", "401", "500"]);
    expect(head).not.toHaveProperty("middleware");
  });
});
