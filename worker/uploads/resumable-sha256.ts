import compressionModule from "./sha256.wasm";

/**
 * SHA-256 (FIPS 180-4) whose running state can be saved and restored. WebCrypto and DigestStream keep
 * theirs inside the runtime and cannot export it. The compression function is WebAssembly (sha256.wat,
 * written out by sha256-wat.ts and compiled ahead of time: Workers may not compile it from bytes at run
 * time); the state and the unfinished block stay here. Saved state: the eight words
 * (big-endian), the byte count (float64) and the bytes of the unfinished block.
 */

const INITIAL = Int32Array.from([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);
const BLOCK = 64;
const WORDS_BYTES = 32;
const HEADER_BYTES = WORDS_BYTES + 8;

interface CompressionExports {
  memory: WebAssembly.Memory;
  state: WebAssembly.Global;
  input: WebAssembly.Global;
  inputBytes: WebAssembly.Global;
  compress(blocks: number): void;
}

interface Compression {
  compress(blocks: number): void;
  /** The state words in the module's memory (little-endian, as Int32Array reads them). */
  words: Int32Array;
  input: Uint8Array;
}

// One instance for every hasher: compression never yields, so two hashers never use it at once.
let shared: Compression | undefined;

function compression(): Compression {
  if (!shared) {
    const exports = new WebAssembly.Instance(compressionModule).exports as unknown as CompressionExports;
    const buffer = exports.memory.buffer;
    shared = {
      compress: exports.compress,
      words: new Int32Array(buffer, exports.state.value, 8),
      input: new Uint8Array(buffer, exports.input.value, exports.inputBytes.value),
    };
  }
  return shared;
}

/** Compresses every whole block of data[from, to) into h; returns where the unconsumed bytes begin. */
function compress(h: Int32Array, data: Uint8Array, from: number, to: number): number {
  const whole = to - from - ((to - from) % BLOCK);
  if (whole === 0) return from;
  const { compress: run, words, input } = compression();
  words.set(h);
  for (let at = from; at < from + whole; at += input.length) {
    const piece = data.subarray(at, Math.min(at + input.length, from + whole));
    input.set(piece);
    run(piece.length / BLOCK);
  }
  h.set(words);
  return from + whole;
}

export class ResumableSha256 {
  private readonly h = Int32Array.from(INITIAL);
  private readonly block = new Uint8Array(BLOCK);
  /** Bytes hashed so far; the unfinished block holds the last `length % 64` of them. */
  private length = 0;

  get bytesHashed(): number {
    return this.length;
  }

  update(data: Uint8Array): this {
    let at = 0;
    const pending = this.length % BLOCK;
    if (pending > 0) {
      const take = Math.min(BLOCK - pending, data.length);
      this.block.set(data.subarray(0, take), pending);
      at = take;
      if (pending + take === BLOCK) compress(this.h, this.block, 0, BLOCK);
    }
    at = compress(this.h, data, at, data.length);
    this.block.set(data.subarray(at), 0);
    this.length += data.length;
    return this;
  }

  /** The digest of everything hashed so far; the state itself is left as it was. */
  digest(): Uint8Array {
    const h = Int32Array.from(this.h);
    const pending = this.length % BLOCK;
    const tail = new Uint8Array(pending < 56 ? BLOCK : 2 * BLOCK);
    tail.set(this.block.subarray(0, pending));
    tail[pending] = 0x80;
    const view = new DataView(tail.buffer);
    const bits = this.length * 8;
    view.setUint32(tail.length - 8, Math.floor(bits / 2 ** 32));
    view.setUint32(tail.length - 4, bits >>> 0);
    compress(h, tail, 0, tail.length);
    const out = new Uint8Array(WORDS_BYTES);
    const outView = new DataView(out.buffer);
    for (let i = 0; i < 8; i++) outView.setInt32(i * 4, h[i]!);
    return out;
  }

  /** The state as bytes: 8 words, the byte count, then the unfinished block's bytes (0-63 of them). */
  save(): Uint8Array {
    const pending = this.length % BLOCK;
    const state = new Uint8Array(HEADER_BYTES + pending);
    const view = new DataView(state.buffer);
    for (let i = 0; i < 8; i++) view.setInt32(i * 4, this.h[i]!);
    view.setFloat64(WORDS_BYTES, this.length);
    state.set(this.block.subarray(0, pending), HEADER_BYTES);
    return state;
  }

  /** A hasher continuing from a saved state; throws on bytes that are not one. */
  static restore(state: Uint8Array): ResumableSha256 {
    const view = new DataView(state.buffer, state.byteOffset, state.byteLength);
    const length = state.length >= HEADER_BYTES ? view.getFloat64(WORDS_BYTES) : Number.NaN;
    if (!Number.isSafeInteger(length) || length < 0 || state.length !== HEADER_BYTES + (length % BLOCK)) {
      throw new Error("Not a saved SHA-256 state");
    }
    const hasher = new ResumableSha256();
    for (let i = 0; i < 8; i++) hasher.h[i] = view.getInt32(i * 4);
    hasher.length = length;
    hasher.block.set(state.subarray(HEADER_BYTES));
    return hasher;
  }
}
