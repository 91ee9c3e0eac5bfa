import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../../worker/app";
import { afterCursor, pageOf } from "../../../worker/db/cursor";
import { assets } from "../../../worker/db/schema/assets";
import { DOMAIN_ERROR_CODES, DomainError } from "../../../worker/domain-error";
import { ErrorEnvelopeSchema } from "../../../worker/errors";
import { QueueFullError } from "../../../worker/jobs/create-job";
import { JobPayloadError } from "../../../worker/jobs/handler";
import { StorageError, type StorageErrorKind } from "../../../worker/storage/errors";
import { fail, succeed, type UploadFailureKind, uploadResult } from "../../../worker/uploads/upload-outcome";

/** The real app plus one route that throws whatever the test hands it. */
async function answerFor(error: unknown) {
  const app = createApp();
  app.get("/probe/throw", () => {
    throw error;
  });
  const res = await app.request("/probe/throw", {}, env);
  const body = ErrorEnvelopeSchema.parse(await res.json());
  return { res, body };
}

const MAPPING = [
  ["INVALID_INPUT", 422, "VALIDATION_ERROR"],
  ["MALFORMED_INPUT", 400, "BAD_REQUEST"],
  ["NOT_FOUND", 404, "NOT_FOUND"],
  ["CONFLICT", 409, "CONFLICT"],
  ["GONE", 410, "GONE"],
  ["TOO_LARGE", 413, "PAYLOAD_TOO_LARGE"],
  ["UNSUPPORTED_TYPE", 415, "UNSUPPORTED_MEDIA_TYPE"],
  ["CHECKSUM_MISMATCH", 460, "CHECKSUM_MISMATCH"],
  ["QUEUE_FULL", 429, "QUEUE_FULL"],
  ["UNAVAILABLE", 503, "SERVICE_UNAVAILABLE"],
] as const;

describe("domain errors reach HTTP through handleError alone", () => {
  it.each(MAPPING)("%s -> %i %s", async (code, status, apiCode) => {
    const { res, body } = await answerFor(new DomainError(code, `a ${code} happened`));
    expect(res.status).toBe(status);
    expect(body.error).toMatchObject({ code: apiCode, message: `a ${code} happened` });
    expect(body.error.details).toBeUndefined();
    expect(res.headers.get("retry-after")).toBeNull();
  });

  it("the table above covers every domain code", () => {
    expect(MAPPING.map(([code]) => code).sort()).toEqual([...DOMAIN_ERROR_CODES].sort());
  });

  it("keeps field details and turns retryAfterSeconds into Retry-After", async () => {
    const details = [{ path: "payload.asset_id", message: "missing", code: "required" }];
    const { res, body } = await answerFor(new DomainError("INVALID_INPUT", "bad", { details, retryAfterSeconds: 7 }));
    expect(body.error.details).toEqual(details);
    expect(res.headers.get("retry-after")).toBe("7");
  });

  it.each<[StorageErrorKind, number, string | undefined]>([
    ["invalid_project", 400, undefined],
    ["malformed_multipart", 400, undefined],
    ["not_multipart", 415, undefined],
    ["unsupported_type", 415, undefined],
    ["too_large", 413, undefined],
    ["missing_file", 422, "required"],
    ["empty_file", 422, "empty_file"],
  ])("StorageError %s -> %i", async (kind, status, fieldCode) => {
    const { res, body } = await answerFor(new StorageError(kind, `storage said ${kind}`, "file"));
    expect(res.status).toBe(status);
    expect(body.error.message).toBe(`storage said ${kind}`);
    if (fieldCode) expect(body.error.details).toEqual([{ path: "file", message: body.error.message, code: fieldCode }]);
    else expect(body.error.details).toBeUndefined();
  });

  it.each<[UploadFailureKind, number]>([
    ["not_found", 404],
    ["gone", 410],
    ["already_used", 410],
    ["offset_mismatch", 409],
    ["lease_lost", 409],
    ["already_completed", 409],
    ["interrupted", 400],
    ["too_large", 413],
    ["checksum_mismatch", 460],
    ["unsupported_type", 415],
    ["storage_failed", 503],
  ])("an upload outcome %s is thrown and answers %i", async (kind, status) => {
    expect(uploadResult(succeed(3))).toBe(3);
    let thrown: unknown;
    try {
      uploadResult(fail(kind, `upload said ${kind}`));
    } catch (error) {
      thrown = error;
    }
    const { res, body } = await answerFor(thrown);
    expect(res.status).toBe(status);
    expect(body.error.message).toBe(`upload said ${kind}`);
    expect(res.headers.get("retry-after")).toBe(kind === "storage_failed" ? "1" : null);
  });

  it("job errors keep their classes and answer 404, 422 and 429 with Retry-After", async () => {
    const missing = await answerFor(new JobPayloadError(404, "Asset a1 not found", []));
    expect([missing.res.status, missing.body.error.code]).toEqual([404, "NOT_FOUND"]);

    const details = [{ path: "payload.language", message: "too long", code: "too_big" }];
    const invalid = await answerFor(new JobPayloadError(422, "Invalid job payload", details));
    expect([invalid.res.status, invalid.body.error.code]).toEqual([422, "VALIDATION_ERROR"]);
    expect(invalid.body.error.details).toEqual(details);

    const queue = await answerFor(new QueueFullError("MAX_QUEUE_SIZE", 100, 10));
    expect([queue.res.status, queue.body.error.code]).toEqual([429, "QUEUE_FULL"]);
    expect(queue.res.headers.get("retry-after")).toBe("10");
  });
});

describe("one cursor module", () => {
  it("pages by (created_at, id) with the cursor format clients already hold", () => {
    const rows = [
      { createdAt: "2026-01-03T00:00:00.000Z", id: "c" },
      { createdAt: "2026-01-02T00:00:00.000Z", id: "b" },
      { createdAt: "2026-01-01T00:00:00.000Z", id: "a" },
    ];
    const page = pageOf(rows, 2, (row) => [row.createdAt, row.id]);
    expect(page.items.map((row) => row.id)).toEqual(["c", "b"]);
    // What the two old encoders wrote: base64url of the JSON pair, without padding.
    const legacy = btoa(JSON.stringify(["2026-01-02T00:00:00.000Z", "b"]))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
    expect(page.nextCursor).toBe(legacy);
    expect(pageOf(rows, 3, (row) => [row.createdAt, row.id]).nextCursor).toBeNull();
    expect(afterCursor(assets, undefined)).toBeUndefined();
    expect(afterCursor(assets, legacy)).toBeDefined();
  });

  it.each([
    "not-a-cursor",
    "WzFd",
    "e30",
    "%%%",
    btoa("[1,2]"),
  ])("rejects %s as 422 on query.cursor", async (cursor) => {
    let thrown: unknown;
    try {
      afterCursor(assets, cursor);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    const { res, body } = await answerFor(thrown);
    expect(res.status).toBe(422);
    expect(body.error.details).toEqual([
      { path: "query.cursor", message: "cursor is not one this API returned", code: "invalid_cursor" },
    ]);
  });
});
