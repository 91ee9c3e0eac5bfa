import { toHex } from "../bytes";
import type { Asset, AssetCategory } from "../db/schema/assets";
import type { EventOutbox } from "../events/outbox";
import { registerAsset } from "./assets";
import { StorageError } from "./errors";
import {
  ASSET_FOLDERS,
  assertProjectId,
  cleanOriginalFilename,
  fileExtension,
  objectKey,
  storedFileName,
} from "./layout";
import { acceptedExtensions, formatForExtension, MEDIA_FORMATS, SNIFF_BYTES } from "./media-types";
import { MultipartReader, multipartBoundary } from "./multipart-reader";
import { partSizeFor, UnknownLengthObjectWriter } from "./object-writer";
import type { StorageDeps } from "./tracked-objects";

export type UploadCategory = Exclude<AssetCategory, "export">;

export interface UploadRequest {
  projectId: string;
  category: UploadCategory;
  body: ReadableStream<Uint8Array> | null;
  /** The request's Content-Type (must be multipart/form-data with a boundary). */
  contentType: string | undefined;
  /** The request's Content-Length, if sent; only used to size buffers for small files. */
  contentLength?: number;
  /** UPLOAD_MAX_SIZE: the file may be at most this many bytes. */
  maxSize: number;
  /** The multipart field carrying the file. */
  field?: string;
}

/** Storage and the event outbox: a finished upload is announced as `upload.completed`. */
export type UploadDeps = StorageDeps & { outbox: EventOutbox };

/**
 * The one upload pipeline (videos, music, images): the multipart `file` field is streamed into R2 while
 * its SHA-256 is computed, its size is bounded and its first bytes are checked against its extension.
 * Only a complete, valid file is registered; on any failure the partial object is removed.
 */
export async function uploadAsset(deps: UploadDeps, request: UploadRequest): Promise<Asset> {
  const field = request.field ?? "file";
  assertProjectId(request.projectId);
  const boundary = multipartBoundary(request.contentType);
  if (!boundary || !request.body) {
    throw new StorageError("not_multipart", "Send the file as multipart/form-data with a boundary", field);
  }
  const reader = new MultipartReader(request.body, boundary);
  try {
    for (let part = await reader.nextPart(); part; part = await reader.nextPart()) {
      if (part.name !== field || part.filename === undefined) continue;
      return await storeFilePart(deps, request, reader, part.filename, field);
    }
    throw new StorageError("missing_file", `The multipart field "${field}" with a file is required`, field);
  } finally {
    await reader.cancel();
  }
}

async function storeFilePart(
  deps: UploadDeps,
  request: UploadRequest,
  reader: MultipartReader,
  clientName: string,
  field: string,
): Promise<Asset> {
  const originalFilename = cleanOriginalFilename(clientName);
  const extension = fileExtension(originalFilename);
  const format = formatForExtension(request.category, extension);
  if (!format) {
    const accepted = acceptedExtensions(request.category).join(", ");
    throw new StorageError(
      "unsupported_type",
      `${extension ? `.${extension}` : "A file without extension"} is not accepted here; use one of: ${accepted}`,
      field,
    );
  }
  const spec = MEDIA_FORMATS[format];
  const assetId = crypto.randomUUID();
  const createdAt = new Date();
  const filename = storedFileName(assetId, createdAt, extension);
  const key = objectKey(request.projectId, ASSET_FOLDERS[request.category], filename);

  const writer = new UnknownLengthObjectWriter(
    deps.bucket,
    key,
    { httpMetadata: { contentType: spec.contentType } },
    request.contentLength,
    partSizeFor(request.maxSize),
  );
  const digest = new crypto.DigestStream("SHA-256");
  // Aborting the hasher on failure rejects `digest`; observe it so that is not an unhandled rejection.
  digest.digest.catch(() => undefined);
  const hasher = digest.getWriter();
  const head = new Uint8Array(SNIFF_BYTES);
  let headLength = 0;
  let sniffed = false;
  let stored = false;
  const sniff = () => {
    sniffed = true;
    if (!spec.matches(head.subarray(0, headLength))) {
      throw new StorageError("unsupported_type", `The file's content is not ${format} as its extension claims`, field);
    }
  };

  try {
    for await (const chunk of reader.partBody()) {
      if (writer.bytesWritten + chunk.length > request.maxSize) {
        throw new StorageError("too_large", `The file exceeds the upload limit of ${request.maxSize} bytes`, field);
      }
      if (!sniffed) {
        const take = Math.min(chunk.length, SNIFF_BYTES - headLength);
        head.set(chunk.subarray(0, take), headLength);
        headLength += take;
        // Checked before the first byte can reach R2 (the writer holds a whole part before uploading).
        if (headLength === SNIFF_BYTES) sniff();
      }
      await hasher.write(chunk);
      await writer.write(chunk);
    }
    if (writer.bytesWritten === 0) throw new StorageError("empty_file", "The uploaded file is empty", field);
    if (!sniffed) sniff();
    await hasher.close();
    const checksum = toHex(await digest.digest);
    const sizeBytes = await writer.finish();
    stored = true;
    return await registerAsset(deps, {
      id: assetId,
      projectId: request.projectId,
      category: request.category,
      key,
      filename,
      originalFilename,
      contentType: spec.contentType,
      sizeBytes,
      checksum,
      createdAt,
      announce: "upload.completed",
    });
  } catch (error) {
    await hasher.abort().catch(() => undefined);
    // registerAsset removes the object itself; before that, an unfinished writer is aborted.
    if (!stored) await writer.abort();
    throw error;
  }
}
