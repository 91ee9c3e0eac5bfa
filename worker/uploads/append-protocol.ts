import type { UploadView } from "./upload-outcome";
import type { StoredPart } from "./upload-store";

// What a PATCH's Worker and the upload's Durable Object exchange: plain data, safe over RPC.

export interface BeginAppendInput {
  projectId: string;
  /** Upload-Offset: the lease is only granted at the upload's offset. */
  offset: number;
  /** Content-Length when sent, so an oversized PATCH is refused before reading it. */
  contentLength?: number;
  leaseMs: number;
}

/** Everything the holder needs to write the next bytes itself. */
export interface AppendLease {
  token: string;
  expiresAt: number;
  /** The holder's part numbers are partNumber .. partNumber + partCount - 1; more come from `reportProgress`. */
  partNumber: number;
  /** As many as the PATCH's Content-Length needs (one when it was not sent), so a PATCH of known length asks for none. */
  partCount: number;
  offset: number;
  length: number;
  partSize: number;
  r2Key: string;
  multipartId: string;
  /** Bytes after the last stored part, from earlier PATCHes: they open the next part. */
  tail: Uint8Array;
}

/** A completed upload (or a finished PATCH repeated at its end) needs no lease. */
export type AppendStart = { kind: "lease"; lease: AppendLease } | { kind: "settled"; view: UploadView };

/** Parts stored since the last report, in order. */
export interface PartsReport {
  parts: StoredPart[];
  /** Ask for part numbers as well: the answer is the first of `count` (default 1) consecutive ones. */
  reservePart: boolean;
  count?: number;
}

/** R2 numbers parts 1 to 10,000. */
export const R2_MAX_PART_NUMBER = 10_000;

/**
 * How many part numbers a PATCH of `contentLength` bytes at `offset` uses: the tail and the body in whole
 * parts, plus a short last one when it completes the upload. Infinity when the length is not known.
 */
export function partsForAppend(
  upload: { offset: number; length: number; partSize: number; tailLength: number },
  contentLength: number | undefined,
): number {
  if (contentLength === undefined) return Number.POSITIVE_INFINITY;
  const bytes = upload.tailLength + contentLength;
  const completes = upload.offset + contentLength === upload.length;
  return completes ? Math.ceil(bytes / upload.partSize) : Math.floor(bytes / upload.partSize);
}

/**
 * How a PATCH ends. `commit`: the parts not reported yet and the new tail (replacing the stored one); when
 * that reaches the upload's length with no tail left, the object completes the upload. `release`: nothing
 * more is kept (checksum mismatch, a body cut off before its checksum could be verified).
 */
export type AppendEnd =
  | {
      kind: "commit";
      parts: StoredPart[];
      tail: Uint8Array;
      /** The whole file's SHA-256, when the PATCH's isolate hashed all of it (else completion reads it back). */
      sha256?: Uint8Array | null;
    }
  | { kind: "release" };
