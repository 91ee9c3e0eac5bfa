import { giveBack, takeBuffer } from "./part-buffers";
import type { StoredPart } from "./upload-store";

export interface PartStreamPlan {
  partSize: number;
  /** Bytes after the last stored part, from earlier requests; they open the next part. */
  tail: Uint8Array;
  /** How many bytes this request may still add before the upload's length is exceeded. */
  room: number;
  /** The body's announced length (Content-Length): a part it is sure to fill streams to R2 as it arrives. */
  expected?: number;
  /** Stores one full part in R2 (a stream has exactly `partSize` bytes); the caller numbers it. */
  uploadPart(data: Uint8Array | ReadableStream<Uint8Array>): Promise<R2UploadedPart>;
  /** Called in order once each full part is stored in R2 (for incremental commits). */
  onPart?(part: StoredPart): void;
  /** Receive every incoming byte, e.g. for an Upload-Checksum. */
  digests?: WritableStreamDefaultWriter<Uint8Array>[];
  /** Hashes every incoming byte that fits in the upload, in order. */
  hash?: { update(bytes: Uint8Array): void };
  /** Called after every read, before the bytes are used (e.g. to keep a lease alive). */
  onRead?(): void;
}

export interface PartStreamResult {
  /** Full parts stored in R2 during this request, in order. */
  parts: StoredPart[];
  /** Bytes after the last full part: the old tail plus new bytes when no part was cut. */
  rest: Uint8Array;
  /** New bytes read from the body. */
  received: number;
  /** Why reading stopped early: the body failed (client gone) or exceeded the room. */
  interruption?: { kind: "body_error"; error: unknown } | { kind: "overflow" };
}

/** A part whose bytes go to R2 as they arrive; its buffer still keeps them in case the body breaks. */
interface OpenPart {
  writer: WritableStreamDefaultWriter<Uint8Array>;
  /** Rejects when R2 (or numbering the part) fails, so a write waiting on a stalled upload gives up. */
  failed: Promise<never>;
  stored: Promise<R2UploadedPart>;
}

/**
 * Request bodies arrive in ~4 KiB chunks; hashing, copying and streaming them in larger reads costs far less
 * CPU. A read waits for READ_MIN_BYTES (a slow client still renews its lease) and takes up to READ_BYTES.
 */
const READ_BYTES = 256 * 1024;
const READ_MIN_BYTES = 32 * 1024;

/**
 * Reads a body in large pieces where the runtime allows it (workerd's readAtLeast on a byte stream), else
 * chunk by chunk. Two read buffers take turns, so the one whose bytes were just written to R2 is never
 * handed back to the stream while R2 may still hold it.
 */
function bodyReader(body: ReadableStream<Uint8Array>) {
  let byob: ReadableStreamBYOBReader | undefined;
  let plain: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    byob = body.getReader({ mode: "byob" });
  } catch {
    plain = body.getReader();
  }
  let spare = takeBuffer(READ_BYTES);
  let previous = takeBuffer(READ_BYTES);
  return {
    /** The next bytes, or undefined at the end of the body. */
    async read(): Promise<Uint8Array | undefined> {
      if (!byob) {
        const next = await plain!.read();
        return next.done ? undefined : next.value;
      }
      const next = await byob.readAtLeast(READ_MIN_BYTES, new Uint8Array(spare));
      spare = previous;
      if (next.value) previous = next.value.buffer as ArrayBuffer;
      return next.value && next.value.length > 0 ? next.value : undefined;
    },
    cancel: () => (byob ?? plain)!.cancel().catch(() => undefined),
    /** Gives the read buffers back once the body is done with and nothing holds its pieces. */
    release() {
      giveBack(spare);
      giveBack(previous);
    },
  };
}

/**
 * Cuts a request body into equal R2 parts as it streams. A part the announced length is sure to fill is
 * streamed to R2 while its bytes arrive; any other part is buffered and uploaded once full, with two
 * buffers taking turns (one fills while the other uploads). Either way a body of any length runs in
 * bounded memory, and a body that breaks keeps its bytes since the last stored part in `rest`.
 */
export async function streamIntoParts(
  body: ReadableStream<Uint8Array> | null,
  plan: PartStreamPlan,
): Promise<PartStreamResult> {
  const parts: StoredPart[] = [];
  const buffers = [new Uint8Array(takeBuffer(plan.partSize))];
  let current = 0;
  buffers[0]!.set(plan.tail);
  let filled = plan.tail.length;
  let received = 0;
  /** Body bytes already in a part (received counts whole chunks as they are read). */
  let placed = 0;
  let inflight: Promise<void> = Promise.resolve();
  let interruption: PartStreamResult["interruption"];
  let storageFailure: { error: unknown } | undefined;
  let open: OpenPart | undefined;

  // One upload finishing at a time keeps parts (and their commits) in order.
  const record = (stored: Promise<R2UploadedPart>) => {
    inflight = stored.then((uploaded) => {
      const part = { partNumber: uploaded.partNumber, etag: uploaded.etag, size: plan.partSize };
      parts.push(part);
      plan.onPart?.(part);
    });
    inflight.catch((error) => {
      storageFailure ??= { error };
    });
  };

  /** Waits for the open part's R2 upload to take `step`; a failure there is storage's, not the client's. */
  const guarded = async (part: OpenPart, step: Promise<void>) => {
    try {
      await Promise.race([step, part.failed]);
    } catch (error) {
      storageFailure ??= { error };
      throw error;
    }
  };

  const flush = async () => {
    if (open) {
      await guarded(open, open.writer.close());
      record(open.stored);
      open = undefined;
      // The bytes are in R2's hands: the same buffer backs the next part.
    } else {
      await inflight;
      record(plan.uploadPart(buffers[current]!));
      current ^= 1;
      buffers[current] ??= new Uint8Array(takeBuffer(plan.partSize));
    }
    filled = 0;
  };

  /** Streams the part now starting when the body is announced to fill it, beginning with the bytes it already has. */
  const maybeOpen = async () => {
    if (open || plan.expected === undefined || filled + (plan.expected - placed) < plan.partSize) return;
    await inflight;
    const { readable, writable } = new FixedLengthStream(plan.partSize);
    const stored = plan.uploadPart(readable);
    // Settles only if the upload fails: a stored part is awaited through `record`.
    const failed = stored.then(() => new Promise<never>(() => undefined));
    failed.catch(() => undefined);
    open = { writer: writable.getWriter(), stored, failed };
    if (filled > 0) await write(buffers[current]!.slice(0, filled));
  };

  const write = async (piece: Uint8Array) => {
    if (open) await guarded(open, open.writer.write(piece));
  };

  /** The open part will not fill: R2 drops it, and its bytes stay in the buffer. */
  const abandon = async () => {
    if (!open) return;
    open.stored.catch(() => undefined);
    await open.writer.abort(new Error("The request body ended before the part was full")).catch(() => undefined);
    open = undefined;
  };

  let reader: ReturnType<typeof bodyReader> | undefined;
  if (body) {
    reader = bodyReader(body);
    const cancel = () => reader!.cancel();
    try {
      await maybeOpen();
      for (let chunk = await reader.read(); chunk; chunk = await reader.read()) {
        plan.onRead?.();
        if (received + chunk.length > plan.room) {
          interruption = { kind: "overflow" };
          await cancel();
          break;
        }
        for (const digest of plan.digests ?? []) await digest.write(chunk);
        received += chunk.length;
        for (let at = 0; at < chunk.length; ) {
          const piece = chunk.subarray(at, at + Math.min(plan.partSize - filled, chunk.length - at));
          plan.hash?.update(piece);
          buffers[current]!.set(piece, filled);
          await write(piece);
          filled += piece.length;
          placed += piece.length;
          at += piece.length;
          if (filled === plan.partSize) {
            await flush();
            await maybeOpen();
          }
        }
      }
    } catch (error) {
      await abandon();
      // A failed R2 write surfaces here too (through `await flush`); that one is not the client's doing.
      if (storageFailure) {
        await cancel();
        throw storageFailure.error;
      }
      interruption = { kind: "body_error", error };
    }
  }
  await abandon();
  await inflight;
  // Every write and upload has settled: the buffers can serve the next PATCH, so `rest` is a copy.
  const rest = buffers[current]!.slice(0, filled);
  for (const buffer of buffers) giveBack(buffer.buffer as ArrayBuffer);
  reader?.release();
  return { parts, rest, received, interruption };
}
