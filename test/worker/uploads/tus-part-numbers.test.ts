import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { Logger } from "../../../worker/logger";
import type { AppendLease, PartsReport } from "../../../worker/uploads/append-protocol";
import { type AppendDeps, appendToUpload } from "../../../worker/uploads/upload-append";
import type { UploadObject } from "../../../worker/uploads/upload-object";
import { uploadStub } from "../../../worker/uploads/upload-stub";
import { uniqueProjectId } from "../helpers/project-key";
import { idsOf, MiB, mediaBytes, newUpload, observedBucket, offsetOf, patch, sha256Hex } from "./tus-kit";

function stubOf(location: string) {
  const { projectId, uploadId } = idsOf(location);
  return uploadStub(env.UPLOADS, projectId, uploadId);
}

/** The upload's object, noting every progress report a writer sends it. */
function notingReports(location: string, reports: PartsReport[]): AppendDeps["upload"] {
  const stub = stubOf(location);
  const noting: Pick<UploadObject, "beginAppend" | "reportProgress" | "endAppend"> = {
    beginAppend: (input) => stub.beginAppend(input),
    reportProgress: (token, report) => {
      reports.push(report);
      return stub.reportProgress(token, report);
    },
    endAppend: (token, end) => stub.endAppend(token, end),
  };
  // A writer calls only these three methods.
  return noting as unknown as AppendDeps["upload"];
}

const notingParts = (numbers: number[]) => observedBucket((partNumber) => numbers.push(partNumber));

const bodyOf = (bytes: Uint8Array, piece = MiB) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += piece) controller.enqueue(bytes.slice(at, at + piece));
      controller.close();
    },
  });

function leaseOf(outcome: Awaited<ReturnType<UploadObject["beginAppend"]>>): AppendLease {
  if (!outcome.ok || outcome.value.kind !== "lease") throw new Error(`no lease: ${JSON.stringify(outcome)}`);
  return outcome.value.lease;
}

describe("part numbers for a PATCH", { timeout: 60_000 }, () => {
  it("a PATCH of known length gets all its part numbers with the lease and asks the object for none", async () => {
    const projectId = uniqueProjectId();
    const bytes = mediaBytes("mp4", 12 * MiB, 51);
    const location = await newUpload(projectId, { length: bytes.length });
    const reports: PartsReport[] = [];
    const numbers: number[] = [];
    const deps: AppendDeps = {
      upload: notingReports(location, reports),
      bucket: notingParts(numbers),
      logger: new Logger("CRITICAL"),
      waitUntil: () => undefined,
    };
    const input = { projectId, offset: 0, contentLength: bytes.length };
    const outcome = await appendToUpload(deps, input, bodyOf(bytes));
    expect(outcome).toMatchObject({ ok: true, value: { offset: bytes.length, status: "completed" } });
    // Two whole parts and the short last one, numbered in a row, none of them asked for.
    expect(numbers).toEqual([numbers[0], numbers[0]! + 1, numbers[0]! + 2]);
    expect(reports.filter((report) => report.reservePart)).toEqual([]);
    const assetId = outcome.ok ? outcome.value.assetId : null;
    const asset = await env.DB.prepare("SELECT checksum FROM assets WHERE id = ?")
      .bind(assetId)
      .first<{ checksum: string }>();
    expect(asset?.checksum).toBe(await sha256Hex(bytes));
  });

  it("a PATCH of unknown length asks for its part numbers in batches, not one call per part", async () => {
    const projectId = uniqueProjectId();
    const bytes = mediaBytes("mp4", 16 * MiB, 52);
    const location = await newUpload(projectId, { length: bytes.length });
    const reports: PartsReport[] = [];
    const numbers: number[] = [];
    const deps: AppendDeps = {
      upload: notingReports(location, reports),
      bucket: notingParts(numbers),
      logger: new Logger("CRITICAL"),
      waitUntil: () => undefined,
    };
    const outcome = await appendToUpload(deps, { projectId, offset: 0 }, bodyOf(bytes));
    expect(outcome).toMatchObject({ ok: true, value: { offset: bytes.length, status: "completed" } });
    // The lease's number, then one batch for the other three parts.
    expect(numbers).toHaveLength(4);
    expect(reports.filter((report) => report.reservePart)).toHaveLength(1);
    expect(new Set(numbers).size).toBe(4);
  });

  it("numbers granted with a lease are never reused after it expired, though its writer never asked for more", async () => {
    const projectId = uniqueProjectId();
    const bytes = mediaBytes("mp4", 12 * MiB, 53);
    const location = await newUpload(projectId, { length: bytes.length });
    const stub = stubOf(location);
    const begin = (contentLength: number | undefined, leaseMs: number) =>
      stub.beginAppend({ projectId, offset: 0, contentLength, leaseMs });
    const expired = leaseOf(await begin(bytes.length, 300));
    expect(expired.partCount).toBe(3);

    // The holder vanishes with its three numbers; the next lease, granted once that one ran out, starts after them.
    const next = leaseOf(await begin(undefined, 60_000));
    expect(next.partNumber).toBe(expired.partNumber + 3);
    const late = { kind: "commit" as const, parts: [], tail: new Uint8Array(10) };
    expect(await stub.endAppend(expired.token, late)).toMatchObject({ ok: false, kind: "lease_lost" });
    expect(await stub.endAppend(next.token, { kind: "release" })).toMatchObject({ ok: true });

    expect(await offsetOf(location)).toBe(0);
    const done = await patch(location, 0, bytes);
    expect(done.status).toBe(204);
    const asset = await env.DB.prepare("SELECT checksum FROM assets WHERE id = ?")
      .bind(done.headers.get("asset-id"))
      .first<{ checksum: string }>();
    expect(asset?.checksum).toBe(await sha256Hex(bytes));
  });
});
