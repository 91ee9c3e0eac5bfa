import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ErrorEnvelopeSchema } from "../../../worker/errors";
import { bearer, TEST_ADMIN_KEY, uniqueProjectId } from "../helpers/project-key";

const post = (path: string, body: unknown) =>
  exports.default.fetch(
    new Request(`https://api.test${path}`, {
      method: "POST",
      headers: { ...bearer(TEST_ADMIN_KEY), "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }),
  );

// A valid body per JSON route; each gets an extra field the API has no use for.
const ROUTES: [string, (projectId: string) => string, Record<string, unknown>][] = [
  ["stream token", (p) => `/projects/${p}/stream-tokens`, { ttl_seconds: 60 }],
  ["API key", (p) => `/projects/${p}/api-keys`, { name: "phone" }],
  ["direct upload", (p) => `/projects/${p}/uploads/direct`, { expires_in_seconds: 600 }],
  ["job", (p) => `/projects/${p}/jobs`, { job_type: "ingest", payload: { asset_id: "a1" } }],
];

describe("unknown request fields", () => {
  it.each(ROUTES)("%s: an unknown field is a 422 naming the field", async (_name, path, body) => {
    const res = await post(path(uniqueProjectId("strict")), { ...body, ttl: 60 });
    expect(res.status).toBe(422);
    const { error } = ErrorEnvelopeSchema.parse(await res.json());
    expect(error.code).toBe("VALIDATION_ERROR");
    expect(error.details).toEqual([{ path: "ttl", message: 'Unrecognized key: "ttl"', code: "unrecognized_keys" }]);
  });

  it("names each unknown field, nested ones with their full path", async () => {
    const res = await post(`/projects/${uniqueProjectId("strict")}/jobs`, {
      job_type: "ingest",
      payload: { asset_id: "a1", resize: true },
      priority: 1,
      tags: [],
    });
    expect(res.status).toBe(422);
    const { error } = ErrorEnvelopeSchema.parse(await res.json());
    expect(error.details?.map((d) => d.path).sort()).toEqual(["payload.resize", "priority", "tags"]);
  });

  it("a known body without unknown fields is still accepted", async () => {
    expect((await post(`/projects/${uniqueProjectId("strict")}/stream-tokens`, { ttl_seconds: 60 })).status).toBe(201);
  });
});
