import type { Logger } from "../logger";
import { type AppendLease, partsForAppend } from "./append-protocol";
import { LeaseHolder, LeaseLostError } from "./lease-holder";
import { streamIntoParts } from "./part-stream";
import { isolateHashes, type RunningHashes, type RunningSha256 } from "./running-sha256";
import { UPLOAD_LEASE_MS } from "./upload-lease";
import type { UploadObject } from "./upload-object";
import { fail, leaseLost, type UploadOutcome, type UploadView } from "./upload-outcome";
import type { StoredPart } from "./upload-store";

export interface AppendInput {
  projectId: string;
  offset: number;
  /** Content-Length when sent, so an oversized PATCH is refused before reading it. */
  contentLength?: number;
  /** Upload-Checksum (sha1) of this request's body. */
  sha1?: Uint8Array;
}

export interface AppendDeps {
  upload: DurableObjectStub<UploadObject>;
  bucket: Pick<R2Bucket, "resumeMultipartUpload">;
  /** Names the upload in its fields. */
  logger: Logger;
  /** Keeps the request's work alive after its client disconnects, so what arrived is still committed. */
  waitUntil(work: Promise<unknown>): void;
  /** Where the upload's running SHA-256 waits for its next PATCH: this isolate's own unless a test gives another. */
  hashes?: RunningHashes;
}

const storageFailed = () => fail<UploadView>("storage_failed", "Storing the upload failed; HEAD the upload and resume");

/**
 * A tus PATCH (or a creation body): takes the upload's lease at `input.offset`, streams the body into R2
 * parts from this Worker while hashing it, and commits the parts and the tail to the upload's object. The
 * object completes the upload when the commit reaches its length. `leaseMs` is for tests.
 */
export async function appendToUpload(
  deps: AppendDeps,
  input: AppendInput,
  body: ReadableStream<Uint8Array> | null,
  leaseMs = UPLOAD_LEASE_MS,
): Promise<UploadOutcome<UploadView>> {
  const work = append(deps, input, body, leaseMs);
  deps.waitUntil(work);
  return work;
}

async function append(
  deps: AppendDeps,
  input: AppendInput,
  body: ReadableStream<Uint8Array> | null,
  leaseMs: number,
): Promise<UploadOutcome<UploadView>> {
  try {
    const { projectId, offset, contentLength } = input;
    const started = await deps.upload.beginAppend({ projectId, offset, contentLength, leaseMs });
    if (!started.ok) return started;
    if (started.value.kind === "settled") return { ok: true, value: started.value.view };
    const { lease } = started.value;
    const hashes = deps.hashes ?? isolateHashes;
    // The multipart upload's id names the upload in this isolate's running hashes.
    const hash = hashes.take(lease.multipartId, lease.offset);
    const before = hash?.copy();
    const outcome = await writeUnderLease(deps, input, lease, body, leaseMs, hash).catch((error: unknown) => {
      deps.logger.error("upload_append_failed", { error: String(error) });
      return storageFailed();
    });
    if (outcome.ok && outcome.value.status !== "uploading") return outcome;
    // Committed bytes never change, so the hash from before this PATCH stays right for its offset; the one
    // that went on goes to the next PATCH only if the object committed exactly the bytes it took.
    const next = outcome.ok && hash?.offset === outcome.value.offset ? hash : before;
    if (next) hashes.keep(lease.multipartId, next);
    return outcome;
  } finally {
    await body?.cancel().catch(() => undefined);
  }
}

async function writeUnderLease(
  deps: AppendDeps,
  input: AppendInput,
  lease: AppendLease,
  body: ReadableStream<Uint8Array> | null,
  leaseMs: number,
  /** The upload's SHA-256 up to the lease's offset, when this isolate holds it. */
  hash: RunningSha256 | undefined,
): Promise<UploadOutcome<UploadView>> {
  const checksum = input.sha1 ? new crypto.DigestStream("SHA-1") : undefined;
  const digest = checksum?.getWriter();
  // Without a checksum every stored part is committed as it goes, so an interrupted PATCH keeps its
  // progress. With one, nothing counts until the whole body has been verified.
  const parts = partsForAppend({ ...lease, tailLength: lease.tail.length }, input.contentLength);
  const holder = new LeaseHolder(deps.upload, lease, leaseMs, parts, !checksum);
  const multipart = deps.bucket.resumeMultipartUpload(lease.r2Key, lease.multipartId);
  const upload = async (data: Uint8Array | ReadableStream<Uint8Array>) =>
    multipart.uploadPart(await holder.partNumber(), data);

  let result: Awaited<ReturnType<typeof streamIntoParts>>;
  try {
    result = await streamIntoParts(body, {
      partSize: lease.partSize,
      tail: lease.tail,
      room: lease.length - lease.offset,
      expected: input.contentLength,
      uploadPart: upload,
      onPart: (cut) => holder.stored(cut),
      onRead: () => holder.keepAlive(),
      digests: digest ? [digest] : [],
      hash,
    });
  } catch (error) {
    // R2 or the object failed, or the lease was lost: what R2 acknowledged is kept, unless a checksum waits.
    await (checksum ? holder.release() : holder.keepParts()).catch(() => undefined);
    if (error instanceof LeaseLostError) return leaseLost();
    deps.logger.error("upload_append_failed", { error: String(error) });
    return storageFailed();
  }

  const { rest, received, interruption } = result;
  if (interruption?.kind === "overflow") {
    await (checksum ? holder.release() : holder.keepParts());
    return fail("too_large", `The body exceeds Upload-Length ${lease.length}`);
  }
  if (checksum && digest) {
    if (interruption) {
      await holder.release();
      return fail("interrupted", "The request body ended early; nothing was stored");
    }
    await digest.close();
    const actual = new Uint8Array(await checksum.digest);
    if (!input.sha1 || !crypto.subtle.timingSafeEqual(actual, input.sha1)) {
      await holder.release();
      return fail("checksum_mismatch", "Upload-Checksum does not match the received bytes; nothing was stored");
    }
  }
  const complete = lease.offset + received === lease.length && !interruption;
  const sha256 = complete && hash?.offset === lease.length ? hash.digest() : null;
  if (!complete || rest.length === 0) {
    return received === 0 && !complete ? holder.release() : holder.commit(rest, sha256);
  }
  // The last part may be shorter than the others; once it is stored the object completes the upload.
  let last: StoredPart;
  try {
    const stored = await upload(rest);
    last = { partNumber: stored.partNumber, etag: stored.etag, size: rest.length };
  } catch (error) {
    await holder.commit(rest).catch(() => undefined);
    if (error instanceof LeaseLostError) return leaseLost();
    deps.logger.error("upload_append_failed", { error: String(error) });
    return storageFailed();
  }
  holder.stored(last);
  return holder.commit(new Uint8Array(0), sha256);
}
