import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import SwaggerParser from "@apidevtools/swagger-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Unstable_DevWorker } from "wrangler";
import { startWorker } from "./worker-under-test";

const require = createRequire(import.meta.url);

let worker: Unstable_DevWorker;
beforeAll(async () => {
  worker = await startWorker();
}, 60_000);
afterAll(async () => {
  await worker?.stop();
});

type Document = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
  >;
};

describe("OpenAPI document and viewers", () => {
  it("serves a document that validates as OpenAPI 3.x", async () => {
    const res = await worker.fetch("/openapi.json");
    expect(res.status, await res.clone().text()).toBe(200);
    const document = (await res.json()) as Document;
    expect(document.openapi).toMatch(/^3\./);
    await SwaggerParser.validate(structuredClone(document) as never);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/health", "/info"]));
  });

  it("documents the error envelope on every operation", async () => {
    const document = (await (await worker.fetch("/openapi.json")).json()) as Document;
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const serverError = operation.responses["500"];
        expect(serverError, `${method.toUpperCase()} ${path} lists 500`).toBeDefined();
        // A HEAD answer has no body: its errors are documented, but without the envelope it cannot carry.
        if (method === "head") expect(serverError?.content, `HEAD ${path}`).toBeUndefined();
        else expect(serverError?.content?.["application/json"]?.schema).toEqual({ $ref: "#/components/schemas/Error" });
      }
    }
  });

  it("/docs and /redoc are HTML pages that load /openapi.json", async () => {
    for (const path of ["/docs", "/redoc"]) {
      const res = await worker.fetch(path);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(await res.text()).toContain("/openapi.json");
    }
  });

  it("serves the viewers' assets byte for byte from the pinned packages", async () => {
    const packageFiles: Record<string, string> = {
      "swagger-ui-bundle.js": "swagger-ui-dist/swagger-ui-bundle.js",
      "swagger-ui.css": "swagger-ui-dist/swagger-ui.css",
      "redoc.standalone.js": "redoc/bundles/redoc.standalone.js",
    };
    const served: string[] = [];
    for (const page of ["/docs", "/redoc"]) {
      const html = await (await worker.fetch(page)).text();
      for (const [, ref = ""] of html.matchAll(/\b(?:src|href)="([^"]+)"/g)) {
        const file = packageFiles[ref.split("/").pop() ?? ""];
        expect(file, `${page} references ${ref}`).toBeDefined();
        const res = await worker.fetch(ref);
        expect(res.status, ref).toBe(200);
        expect(await res.text(), ref).toBe(readFileSync(require.resolve(file ?? ""), "utf8"));
        served.push(ref);
      }
    }
    expect(served).toHaveLength(Object.keys(packageFiles).length);
  });
});
