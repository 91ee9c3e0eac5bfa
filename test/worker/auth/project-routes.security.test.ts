import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../../worker/app";
import { ErrorEnvelopeSchema } from "../../../worker/errors";
import { bearer, createProjectKey, uniqueProjectId } from "../helpers/project-key";

const api = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`https://api.test${path}`, init));

// Every route under /projects/{project_id}, from the app's own route table, so a route added later that
// forgets the auth middleware fails here without anyone having to remember to list it.
const projectRoutes = [
  ...new Map(
    createApp()
      .routes.filter(
        (route) => route.path.startsWith("/projects/:project_id") && !["ALL", "OPTIONS"].includes(route.method),
      )
      .map((route) => [`${route.method} ${route.path}`, { method: route.method, path: route.path }]),
  ).values(),
];

const concretePath = (path: string, projectId: string) =>
  path.replace(":project_id", projectId).replace(/:([A-Za-z_]+)(\{[^}]*\})?/g, "x1");

interface OpenApiDocument {
  components?: { securitySchemes?: Record<string, { type: string; scheme?: string }> };
  paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
}

describe("every project route is protected", () => {
  it("finds the project routes", () => {
    expect(projectRoutes.length).toBeGreaterThanOrEqual(4);
  });

  it.each(projectRoutes)("$method $path: 401 without credentials", async ({ method, path }) => {
    const res = await api(concretePath(path, uniqueProjectId()), { method });
    expect(res.status).toBe(401);
    expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer\b/);
    if (method !== "HEAD") expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe("UNAUTHORIZED");
  });

  it("another project's key gets 403 on every route", async () => {
    const { key } = await createProjectKey(uniqueProjectId());
    for (const { method, path } of projectRoutes) {
      const res = await api(concretePath(path, uniqueProjectId()), { method, headers: bearer(key) });
      expect(res.status, `${method} ${path}`).toBe(403);
      await res.body?.cancel();
    }
  });

  it("the OpenAPI document declares the bearer scheme, and every project operation requires it", async () => {
    const res = await api("/openapi.json");
    const text = await res.text();
    expect(res.status, text.slice(0, 300)).toBe(200);
    const doc = JSON.parse(text) as OpenApiDocument;
    expect(doc.components?.securitySchemes?.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    const operations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith("/projects/{project_id}"))
      .flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ path, method, operation })));
    expect(operations.length).toBeGreaterThanOrEqual(4);
    for (const { path, method, operation } of operations) {
      // tus discovery (OPTIONS) is public by protocol: it reveals server capabilities only.
      if (method === "options") continue;
      const requirements = operation.security ?? [];
      expect(requirements, `${method} ${path}`).toContainEqual({ bearerAuth: [] });
      // Alternatives are scoped tokens, never anonymous access (an empty requirement).
      for (const requirement of requirements) {
        expect(Object.keys(requirement).length, `${method} ${path}`).toBe(1);
        expect(["bearerAuth", "streamToken", "uploadToken", "learnerToken"]).toContain(Object.keys(requirement)[0]);
      }
    }
  });
});
