/**
 * R2 multipart part size for bodies of unknown length. R2 wants every part but the last the same size
 * and at least 5 MiB. The minimum keeps the Worker's buffers smallest (two parts); measured with
 * `npm run bench:upload`, it also gave lower workerd RSS than 8 MiB parts at the same throughput.
 */
export const UPLOAD_PART_SIZE = 5 * 1024 * 1024;
const R2_MAX_PARTS = 10_000;

const MIB = 1024 * 1024;

/**
 * The part size for a body of at most maxSize bytes: the minimum, unless that would need more than 10,000
 * parts, then the smallest whole MiB that fits. Whole MiB because tus clients send chunks in MiB: parts then
 * line up with PATCH requests and no tail is carried between them. One-shot uploads lose at most 1 MiB of buffer.
 */
export function partSizeFor(maxSize: number): number {
  return Math.max(UPLOAD_PART_SIZE, Math.ceil(maxSize / R2_MAX_PARTS / MIB) * MIB);
}

/**
 * Writes a stream of unknown length into one R2 object with bounded memory. A body smaller than a part
 * becomes one plain `put`; a larger one an R2 multipart upload, with the next part filling while the
 * previous uploads. Nothing is visible under the key until `finish` succeeds, and `abort` leaves
 * nothing behind.
 */
export class UnknownLengthObjectWriter {
  private buffers: Uint8Array[] = [];
  private current = 0;
  private filled = 0;
  private upload?: R2MultipartUpload;
  private readonly parts: R2UploadedPart[] = [];
  private inflight?: Promise<void>;
  private written = 0;

  constructor(
    private readonly bucket: R2Bucket,
    readonly key: string,
    private readonly options: { httpMetadata?: R2HTTPMetadata; customMetadata?: Record<string, string> } = {},
    /** An upper bound of the total size (e.g. the request's Content-Length), so small bodies get small buffers. */
    sizeHint?: number,
    private readonly partSize = UPLOAD_PART_SIZE,
  ) {
    const first = sizeHint !== undefined && sizeHint > 0 && sizeHint < partSize ? sizeHint : partSize;
    this.buffers.push(new Uint8Array(first));
  }

  get bytesWritten(): number {
    return this.written;
  }

  async write(chunk: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < chunk.length) {
      let buffer = this.buffers[this.current]!;
      if (this.filled === buffer.length) {
        // The size hint was wrong (or this is the first part): grow to a full part.
        if (buffer.length < this.partSize && !this.upload) {
          const grown = new Uint8Array(this.partSize);
          grown.set(buffer);
          this.buffers[this.current] = grown;
          buffer = grown;
        } else {
          await this.flushPart();
          buffer = this.buffers[this.current]!;
        }
      }
      const n = Math.min(chunk.length - offset, buffer.length - this.filled);
      buffer.set(chunk.subarray(offset, offset + n), this.filled);
      this.filled += n;
      offset += n;
      this.written += n;
    }
  }

  private async flushPart(): Promise<void> {
    this.upload ??= await this.bucket.createMultipartUpload(this.key, this.options);
    // At most one part in flight: waiting for it frees the other buffer for refilling.
    await this.inflight;
    const data = this.buffers[this.current]!;
    const partNumber = this.parts.length + 1;
    const upload = this.upload;
    this.inflight = upload.uploadPart(partNumber, data).then((part) => {
      this.parts.push(part);
    });
    // Keep the promise observed so a failure surfaces at the next await rather than as an unhandled rejection.
    this.inflight.catch(() => undefined);
    this.current ^= 1;
    this.buffers[this.current] ??= new Uint8Array(this.partSize);
    this.filled = 0;
  }

  /** Stores what was written; returns the object's final size. */
  async finish(): Promise<number> {
    const rest = this.buffers[this.current]!.subarray(0, this.filled);
    if (!this.upload) {
      await this.bucket.put(this.key, rest, this.options);
    } else {
      await this.inflight;
      if (rest.length > 0) this.parts.push(await this.upload.uploadPart(this.parts.length + 1, rest));
      await this.upload.complete(this.parts);
    }
    this.buffers = [];
    return this.written;
  }

  /** Discards everything written so far: an unfinished multipart upload is aborted, its parts removed. */
  async abort(): Promise<void> {
    this.buffers = [];
    await this.inflight?.catch(() => undefined);
    await this.upload?.abort().catch(() => undefined);
  }
}
