/**
 * Buffers kept between PATCHes in this isolate, by size (5 MiB parts, 256 KiB reads). A client uploading in
 * 5 MiB chunks sends one PATCH per part; a fresh part buffer for each left hundreds of MiB to the collector,
 * and workerd's memory grew with the file. A few of each size are kept; PATCHes beyond them allocate their own.
 */
const KEEP_PER_SIZE = 4;
const free = new Map<number, ArrayBuffer[]>();

/** A buffer of `size` bytes, reused when one was given back. Its contents are whatever it last held. */
export function takeBuffer(size: number): ArrayBuffer {
  return free.get(size)?.pop() ?? new ArrayBuffer(size);
}

/**
 * Hands a buffer back once nothing reads or writes it any more (R2 has acknowledged what was sent from it).
 * A detached buffer (transferred to a stream read that failed) is dropped.
 */
export function giveBack(buffer: ArrayBuffer): void {
  if (buffer.byteLength === 0) return; // detached
  const kept = free.get(buffer.byteLength) ?? [];
  if (kept.length < KEEP_PER_SIZE && !kept.includes(buffer)) kept.push(buffer);
  free.set(buffer.byteLength, kept);
}
