import SwaggerParser from "@apidevtools/swagger-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Unstable_DevWorker } from "wrangler";
import { startWorker } from "./worker-under-test";

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
});
