import type { StoredPart } from "./upload-store";

export interface PartStreamPlan {
  partSize: number;
  /** The number the next full part gets. */
  nextPartNumber: number;
  /** Bytes after the last stored part, from earlier requests; they open the next part. */
  tail: Uint8Array;
  /** How many bytes this request may still add before the upload's length is exceeded. */
  room: number;
  uploadPart(partNumber: number, data: Uint8Array): Promise<R2UploadedPart>;
  /** Called in order once each full part is stored in R2 (for incremental commits). */
  onPart?(part: StoredPart): void;
  /** Receives every incoming byte, e.g. for an Upload-Checksum. */
  digest?: WritableStreamDefaultWriter<Uint8Array>;
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

/**
 * Cuts a request body into equal R2 parts as it streams. At most two parts are in memory: one filling
 * while the previous one uploads, so a body of any length runs in bounded memory.
 */
export async function streamIntoParts(
  body: ReadableStream<Uint8Array> | null,
  plan: PartStreamPlan,
): Promise<PartStreamResult> {
  const parts: StoredPart[] = [];
  let buffer = new Uint8Array(plan.partSize);
  buffer.set(plan.tail);
  let filled = plan.tail.length;
  let received = 0;
  let partNumber = plan.nextPartNumber;
  let inflight: Promise<void> = Promise.resolve();
  let interruption: PartStreamResult["interruption"];
  let storageFailure: { error: unknown } | undefined;

  const flush = async (data: Uint8Array) => {
    // One upload at a time keeps parts (and their commits) in order.
    await inflight;
    const number = partNumber++;
    inflight = plan.uploadPart(number, data).then((uploaded) => {
      const part = { partNumber: uploaded.partNumber, etag: uploaded.etag, size: data.length };
      parts.push(part);
      plan.onPart?.(part);
    });
    inflight.catch((error) => {
      storageFailure ??= { error };
    });
  };

  if (body) {
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (received + value.length > plan.room) {
          interruption = { kind: "overflow" };
          await reader.cancel().catch(() => undefined);
          break;
        }
        await plan.digest?.write(value);
        received += value.length;
        let at = 0;
        while (at < value.length) {
          const n = Math.min(plan.partSize - filled, value.length - at);
          buffer.set(value.subarray(at, at + n), filled);
          filled += n;
          at += n;
          if (filled === plan.partSize) {
            await flush(buffer);
            buffer = new Uint8Array(plan.partSize);
            filled = 0;
          }
        }
      }
    } catch (error) {
      // A failed R2 write surfaces here too (through `await flush`); that one is not the client's doing.
      if (storageFailure) {
        await reader.cancel().catch(() => undefined);
        throw storageFailure.error;
      }
      interruption = { kind: "body_error", error };
    }
  }
  await inflight;
  return { parts, rest: buffer.subarray(0, filled), received, interruption };
}
