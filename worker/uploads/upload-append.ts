import type { Logger } from "../logger";
import { type AppendLease, partsForAppend } from "./append-protocol";
import { LeaseHolder, LeaseLostError } from "./lease-holder";
import { type CutPart, streamIntoParts } from "./part-stream";
import { ResumableSha256 } from "./resumable-sha256";
import { UPLOAD_LEASE_MS } from "./upload-lease";
import type { UploadObject } from "./upload-object";
import { fail, leaseLost, type UploadOutcome, type UploadView } from "./upload-outcome";

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
}

const storageFailed = () => fail<UploadView>("storage_failed", "Storing the upload failed; HEAD the upload and resume");

/**
 * A tus PATCH (or a creation body): takes the upload's lease at `input.offset`, streams the body into R2
 * parts from this Worker, and commits them, the tail and the SHA-256 state to the upload's object. The
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
    return await writeUnderLease(deps, input, started.value.lease, body, leaseMs).catch((error: unknown) => {
      deps.logger.error("upload_append_failed", { error: String(error) });
      return storageFailed();
    });
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
): Promise<UploadOutcome<UploadView>> {
  const checksum = input.sha1 ? new crypto.DigestStream("SHA-1") : undefined;
  const digest = checksum?.getWriter();
  // Without a checksum every stored part is committed as it goes, so an interrupted PATCH keeps its
  // progress. With one, nothing counts until the whole body has been verified.
  const parts = partsForAppend({ ...lease, tailLength: lease.tail.length }, input.contentLength);
  const holder = new LeaseHolder(deps.upload, lease, leaseMs, parts, !checksum);
  // A PATCH announced to carry the whole file hands no hash state on, so the runtime's SHA-256 (about five
  // times the Wasm one's speed in workerd) hashes it; if it breaks, no state is kept and completion reads
  // the file back.
  const whole = lease.offset === 0 && input.contentLength === lease.length;
  const fileHash = whole ? new crypto.DigestStream("SHA-256") : undefined;
  const fileDigest = fileHash?.getWriter();
  const hasher = !whole && lease.hashState ? ResumableSha256.restore(lease.hashState) : undefined;
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
      digests: [digest, fileDigest].filter((writer) => writer !== undefined),
      hasher,
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
  const hashState = hasher?.save() ?? null;
  const complete = lease.offset + received === lease.length && !interruption;
  let sha256: Uint8Array | null = null;
  if (fileHash && fileDigest && complete) {
    await fileDigest.close();
    sha256 = new Uint8Array(await fileHash.digest);
  }
  if (!complete || rest.length === 0) {
    return received === 0 && !complete ? holder.release() : holder.commit(rest, hashState, sha256);
  }
  // The last part may be shorter than the others; once it is stored the object completes the upload.
  let last: CutPart;
  try {
    const stored = await upload(rest);
    last = { part: { partNumber: stored.partNumber, etag: stored.etag, size: rest.length }, hashState };
  } catch (error) {
    await holder.commit(rest, hashState).catch(() => undefined);
    if (error instanceof LeaseLostError) return leaseLost();
    deps.logger.error("upload_append_failed", { error: String(error) });
    return storageFailed();
  }
  holder.stored(last);
  return holder.commit(new Uint8Array(0), hashState, sha256);
}
