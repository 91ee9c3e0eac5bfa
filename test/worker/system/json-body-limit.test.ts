import { env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../../worker/app";
import { ErrorEnvelopeSchema } from "../../../worker/errors";
import { JSON_BODY_MAX_BYTES } from "../../../worker/middleware/json-body-limit";
import { bearer, TEST_ADMIN_KEY, uniqueProjectId } from "../helpers/project-key";

const ADMIN = bearer(TEST_ADMIN_KEY);
const api = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`https://api.test${path}`, init));
// In-process, so the test's stream is exactly the body the middleware reads (no pipe between two isolates).
const app = createApp();
const direct = (path: string, init: RequestInit) => app.request(path, { ...init, duplex: "half" } as RequestInit, env);

type Operation = { requestBody?: { content?: Record<string, unknown> }; responses: Record<string, unknown> };
type Document = { paths: Record<string, Record<string, Operation>> };

/** Every operation of the published document that takes a JSON body, with its path filled in. */
async function jsonBodyOperations(): Promise<{ method: string; path: string; operation: Operation }[]> {
  const document = (await (await api("/openapi.json")).json()) as Document;
  const projectId = uniqueProjectId("cap");
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([, operation]) => operation.requestBody?.content?.["application/json"])
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path: path.replace("{project_id}", projectId),
        operation,
      })),
  );
}

/** A body of `total` bytes produced on demand, counting what the server actually pulled. */
function countedStream(total: number, chunk = 64 * 1024) {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (counter.pulled >= total) return controller.close();
        const size = Math.min(chunk, total - counter.pulled);
        counter.pulled += size;
        // Whitespace is valid JSON padding, so only the size can make the server refuse it.
        controller.enqueue(new Uint8Array(size).fill(0x20));
      },
      // No read-ahead: a chunk is produced only when someone reads.
    },
    { highWaterMark: 0 },
  );
  return { stream, counter };
}

async function expectTooLarge(res: Response, label: string) {
  expect(res.status, label).toBe(413);
  const { error } = ErrorEnvelopeSchema.parse(await res.json());
  expect(error.code).toBe("PAYLOAD_TOO_LARGE");
  expect(error.message).toContain(String(JSON_BODY_MAX_BYTES));
}

const json = { ...ADMIN, "Content-Type": "application/json" };

describe("JSON body cap", () => {
  it("covers the JSON routes of the document", async () => {
    const operations = await jsonBodyOperations();
    expect(operations.map((o) => `${o.method} ${o.path.replace(/cap-[0-9a-f-]+/, "{project_id}")}`).sort()).toEqual([
      "PATCH /projects/{project_id}/quizzes/{quiz_id}",
      "PATCH /projects/{project_id}/quizzes/{quiz_id}/questions/{question_id}",
      "PATCH /projects/{project_id}/webhooks/{webhook_id}",
      "POST /projects/{project_id}/api-keys",
      "POST /projects/{project_id}/jobs",
      "POST /projects/{project_id}/quizzes/{quiz_id}/attempts",
      "POST /projects/{project_id}/quizzes/{quiz_id}/learner-tokens",
      "POST /projects/{project_id}/quizzes/{quiz_id}/questions",
      "POST /projects/{project_id}/stream-tokens",
      "POST /projects/{project_id}/uploads/direct",
      "POST /projects/{project_id}/webhooks",
      "POST /projects/{project_id}/webhooks/{webhook_id}/replay",
      "PUT /projects/{project_id}/glossary",
      "PUT /projects/{project_id}/quizzes/{quiz_id}/attempts/{attempt_id}/answers/{question_id}",
    ]);
  });

  it("documents 413 on every JSON route", async () => {
    for (const { method, path, operation } of await jsonBodyOperations()) {
      expect(operation.responses["413"], `${method} ${path}`).toBeDefined();
    }
  });

  it("refuses a Content-Length over the cap before reading the body, on every JSON route", async () => {
    for (const { method, path } of await jsonBodyOperations()) {
      const { stream, counter } = countedStream(50 * 1024 * 1024);
      const headers = { ...json, "Content-Length": String(50 * 1024 * 1024) };
      const res = await direct(path, { method, headers, body: stream });
      await expectTooLarge(res, `${method} ${path}`);
      expect(counter.pulled, `${method} ${path} read the body`).toBe(0);
    }
  });

  it("stops reading a chunked body as soon as it passes the cap, on every JSON route", async () => {
    for (const { method, path } of await jsonBodyOperations()) {
      const { stream, counter } = countedStream(50 * 1024 * 1024);
      const res = await direct(path, { method, headers: json, body: stream });
      await expectTooLarge(res, `${method} ${path}`);
      expect(counter.pulled, `${method} ${path}`).toBeLessThan(JSON_BODY_MAX_BYTES + 256 * 1024);
    }
  });

  it("accepts a body of exactly the cap and refuses one byte more", async () => {
    const path = `/projects/${uniqueProjectId("cap")}/stream-tokens`;
    const body = JSON.stringify({ ttl_seconds: 60 });
    const atCap = body.padEnd(JSON_BODY_MAX_BYTES, " ");
    expect((await api(path, { method: "POST", headers: json, body: atCap })).status).toBe(201);
    await expectTooLarge(await api(path, { method: "POST", headers: json, body: `${atCap} ` }), "cap + 1");
    const chunked = new Blob([atCap]).stream();
    const streamed = await direct(path, { method: "POST", headers: json, body: chunked });
    expect(streamed.status).toBe(201);
  });

  it("parses a realistic large export timeline: 100 clips with 8,000 subtitle cues", async () => {
    const line = "and this is why the current through the resistor doubles when the voltage does";
    const clips = Array.from({ length: 100 }, (_, c) => ({
      asset_id: crypto.randomUUID(),
      in_point: 0,
      out_point: 240,
      subtitles: Array.from({ length: 80 }, (_, i) => ({
        start: c * 240 + i * 3,
        end: c * 240 + i * 3 + 2.5,
        text: line,
      })),
    }));
    // The last field is invalid on purpose: a 422 naming it shows the whole body was read and parsed.
    const payload = { timeline: { clips, generate_thumbnails: "yes" } };
    const body = JSON.stringify({ job_type: "export", payload });
    expect(body.length).toBeGreaterThan(800 * 1024);
    expect(body.length).toBeLessThan(JSON_BODY_MAX_BYTES);
    const res = await api(`/projects/${uniqueProjectId("cap")}/jobs`, { method: "POST", headers: json, body });
    expect(res.status).toBe(422);
    const { error } = ErrorEnvelopeSchema.parse(await res.json());
    expect(error.details?.map((d) => d.path)).toContain("payload.timeline.generate_thumbnails");
  });
});
