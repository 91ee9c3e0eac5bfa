/**
 * SHA-256 (FIPS 180-4) whose running state can be saved and restored. WebCrypto and DigestStream keep
 * theirs inside the runtime and cannot export it, and Workers may not compile WebAssembly from bytes, so a
 * hash carried from one PATCH to the next has to be plain JavaScript. Saved state: the eight words,
 * the byte count and the bytes of the unfinished block.
 */

const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const INITIAL = Int32Array.from([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);
const BLOCK = 64;
const WORDS_BYTES = 32;
const HEADER_BYTES = WORDS_BYTES + 8;
// One message schedule for every instance: compression never yields, so it is never shared at once.
const W = new Int32Array(64);

/** Compresses every whole block of data[from, to) into h; returns where the unconsumed bytes begin. */
function compress(state: Int32Array, data: Uint8Array, from: number, to: number): number {
  let at = from;
  while (to - at >= BLOCK) {
    for (let i = 0; i < 16; i++, at += 4) {
      W[i] = (data[at]! << 24) | (data[at + 1]! << 16) | (data[at + 2]! << 8) | data[at + 3]!;
    }
    for (let i = 16; i < 64; i++) {
      const w15 = W[i - 15]!;
      const w2 = W[i - 2]!;
      const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
      const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
      W[i] = (((W[i - 16]! + s0) | 0) + ((W[i - 7]! + s1) | 0)) | 0;
    }
    let a = state[0]!;
    let b = state[1]!;
    let c = state[2]!;
    let d = state[3]!;
    let e = state[4]!;
    let f = state[5]!;
    let g = state[6]!;
    let h = state[7]!;
    let s0: number;
    let s1: number;
    let t: number;
    // Eight rounds per pass with the variables' roles rotated instead of shifted: about 20% faster in V8.
    for (let i = 0; i < 64; i += 8) {
      s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      t = (((((h + s1) | 0) + (g ^ (e & (f ^ g)))) | 0) + ((K[i + 0]! + W[i + 0]!) | 0)) | 0;
      s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      d = (d + t) | 0;
      h = (t + ((s0 + ((a & b) | (c & (a | b)))) | 0)) | 0;
      s1 = ((d >>> 6) | (d << 26)) ^ ((d >>> 11) | (d << 21)) ^ ((d >>> 25) | (d << 7));
      t = (((((g + s1) | 0) + (f ^ (d & (e ^ f)))) | 0) + ((K[i + 1]! + W[i + 1]!) | 0)) | 0;
      s0 = ((h >>> 2) | (h << 30)) ^ ((h >>> 13) | (h << 19)) ^ ((h >>> 22) | (h << 10));
      c = (c + t) | 0;
      g = (t + ((s0 + ((h & a) | (b & (h | a)))) | 0)) | 0;
      s1 = ((c >>> 6) | (c << 26)) ^ ((c >>> 11) | (c << 21)) ^ ((c >>> 25) | (c << 7));
      t = (((((f + s1) | 0) + (e ^ (c & (d ^ e)))) | 0) + ((K[i + 2]! + W[i + 2]!) | 0)) | 0;
      s0 = ((g >>> 2) | (g << 30)) ^ ((g >>> 13) | (g << 19)) ^ ((g >>> 22) | (g << 10));
      b = (b + t) | 0;
      f = (t + ((s0 + ((g & h) | (a & (g | h)))) | 0)) | 0;
      s1 = ((b >>> 6) | (b << 26)) ^ ((b >>> 11) | (b << 21)) ^ ((b >>> 25) | (b << 7));
      t = (((((e + s1) | 0) + (d ^ (b & (c ^ d)))) | 0) + ((K[i + 3]! + W[i + 3]!) | 0)) | 0;
      s0 = ((f >>> 2) | (f << 30)) ^ ((f >>> 13) | (f << 19)) ^ ((f >>> 22) | (f << 10));
      a = (a + t) | 0;
      e = (t + ((s0 + ((f & g) | (h & (f | g)))) | 0)) | 0;
      s1 = ((a >>> 6) | (a << 26)) ^ ((a >>> 11) | (a << 21)) ^ ((a >>> 25) | (a << 7));
      t = (((((d + s1) | 0) + (c ^ (a & (b ^ c)))) | 0) + ((K[i + 4]! + W[i + 4]!) | 0)) | 0;
      s0 = ((e >>> 2) | (e << 30)) ^ ((e >>> 13) | (e << 19)) ^ ((e >>> 22) | (e << 10));
      h = (h + t) | 0;
      d = (t + ((s0 + ((e & f) | (g & (e | f)))) | 0)) | 0;
      s1 = ((h >>> 6) | (h << 26)) ^ ((h >>> 11) | (h << 21)) ^ ((h >>> 25) | (h << 7));
      t = (((((c + s1) | 0) + (b ^ (h & (a ^ b)))) | 0) + ((K[i + 5]! + W[i + 5]!) | 0)) | 0;
      s0 = ((d >>> 2) | (d << 30)) ^ ((d >>> 13) | (d << 19)) ^ ((d >>> 22) | (d << 10));
      g = (g + t) | 0;
      c = (t + ((s0 + ((d & e) | (f & (d | e)))) | 0)) | 0;
      s1 = ((g >>> 6) | (g << 26)) ^ ((g >>> 11) | (g << 21)) ^ ((g >>> 25) | (g << 7));
      t = (((((b + s1) | 0) + (a ^ (g & (h ^ a)))) | 0) + ((K[i + 6]! + W[i + 6]!) | 0)) | 0;
      s0 = ((c >>> 2) | (c << 30)) ^ ((c >>> 13) | (c << 19)) ^ ((c >>> 22) | (c << 10));
      f = (f + t) | 0;
      b = (t + ((s0 + ((c & d) | (e & (c | d)))) | 0)) | 0;
      s1 = ((f >>> 6) | (f << 26)) ^ ((f >>> 11) | (f << 21)) ^ ((f >>> 25) | (f << 7));
      t = (((((a + s1) | 0) + (h ^ (f & (g ^ h)))) | 0) + ((K[i + 7]! + W[i + 7]!) | 0)) | 0;
      s0 = ((b >>> 2) | (b << 30)) ^ ((b >>> 13) | (b << 19)) ^ ((b >>> 22) | (b << 10));
      e = (e + t) | 0;
      a = (t + ((s0 + ((b & c) | (d & (b | c)))) | 0)) | 0;
    }
    state[0] = (state[0]! + a) | 0;
    state[1] = (state[1]! + b) | 0;
    state[2] = (state[2]! + c) | 0;
    state[3] = (state[3]! + d) | 0;
    state[4] = (state[4]! + e) | 0;
    state[5] = (state[5]! + f) | 0;
    state[6] = (state[6]! + g) | 0;
    state[7] = (state[7]! + h) | 0;
  }
  return at;
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
