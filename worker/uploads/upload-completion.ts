import { toHex } from "../bytes";
import type { Database } from "../db/client";
import type { Asset } from "../db/schema/assets";
import type { EventOutbox } from "../events/outbox";
import { getProjectAsset, registerAsset } from "../storage/assets";
import { fileExtension } from "../storage/layout";
import { formatForExtension, MEDIA_FORMATS, SNIFF_BYTES } from "../storage/media-types";
import { fail, succeed, type UploadOutcome } from "./upload-outcome";
import type { StoredPart, UploadRecord } from "./upload-store";

export interface CompletionDeps {
  db: Database;
  bucket: R2Bucket;
  /** Where the finished upload is announced (upload.completed). */
  outbox: EventOutbox;
  /** Starts the asset's ingest job with the one-shot route's function; returns the asset with its job id. */
  startIngest(asset: Asset): Promise<Asset>;
}

/**
 * Completes the R2 multipart upload. Safe to repeat: if a previous attempt completed it but crashed
 * before recording that, the object is already there with the full length.
 */
export async function assembleObject(bucket: R2Bucket, record: UploadRecord, parts: StoredPart[]): Promise<void> {
  const existing = await bucket.head(record.r2Key);
  if (existing && existing.size === record.length) return;
  const upload = bucket.resumeMultipartUpload(record.r2Key, record.multipartId);
  await upload.complete(parts.map(({ partNumber, etag }) => ({ partNumber, etag })));
}

/**
 * SHA-256 of a stored object, streamed: R2 reads it back in chunks, nothing is held whole. Only for
 * uploads whose PATCHes were not all hashed in one isolate (see running-sha256.ts).
 */
async function objectSha256(bucket: R2Bucket, key: string): Promise<string | null> {
  const object = await bucket.get(key);
  if (!object) return null;
  const digest = new crypto.DigestStream("SHA-256");
  await object.body.pipeTo(digest);
  return toHex(await digest.digest);
}

/**
 * Turns an assembled object into a video asset, with the same checks as the one-shot upload route:
 * the content must match the extension's format (else the object is deleted and the upload rejected),
 * then the asset is registered with the file's SHA-256 and its ingest job started.
 * Idempotent: the asset id was fixed when the upload was created, so a retry finds the asset.
 */
export async function registerUploadedVideo(
  deps: CompletionDeps,
  record: UploadRecord,
  /** The file's SHA-256 when the PATCHes' isolate hashed all of it. */
  sha256: Uint8Array | null,
): Promise<UploadOutcome<Asset>> {
  const existing = await getProjectAsset(deps.db, record.projectId, record.assetId);
  if (existing) return succeed(existing.ingestJobId ? existing : await deps.startIngest(existing));

  const format = formatForExtension("video", fileExtension(record.originalFilename));
  const head = await deps.bucket.get(record.r2Key, { range: { offset: 0, length: SNIFF_BYTES } });
  if (!head) return fail("storage_failed", "The assembled upload is missing from storage");
  const bytes = new Uint8Array(await head.arrayBuffer());
  if (!format || !MEDIA_FORMATS[format].matches(bytes)) {
    await deps.bucket.delete(record.r2Key);
    const claimed = format ?? fileExtension(record.originalFilename);
    return fail("unsupported_type", `The file's content is not ${claimed} as its extension claims`);
  }
  const checksum = sha256 ? toHex(sha256) : await objectSha256(deps.bucket, record.r2Key);
  if (!checksum) return fail("storage_failed", "The assembled upload is missing from storage");
  const asset = await registerAsset(deps, {
    id: record.assetId,
    projectId: record.projectId,
    category: "video",
    key: record.r2Key,
    filename: record.r2Key.split("/").pop() ?? record.r2Key,
    originalFilename: record.originalFilename,
    contentType: MEDIA_FORMATS[format].contentType,
    sizeBytes: record.length,
    checksum,
    createdAt: new Date(record.createdAt),
    announce: "upload.completed",
  });
  return succeed(await deps.startIngest(asset));
}
