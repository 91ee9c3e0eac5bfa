import { describe, expect, it } from "vitest";
import { toHex } from "../../../worker/bytes";
import { ResumableSha256 } from "../../../worker/uploads/resumable-sha256";
import { mediaBytes, sha256Hex } from "./tus-kit";

const text = (value: string) => new TextEncoder().encode(value);
const fromHex = (value: string) => Uint8Array.from(value.match(/../g) ?? [], (byte) => Number.parseInt(byte, 16));
const hex = (hasher: ResumableSha256) => toHex(hasher.digest());

describe("ResumableSha256", () => {
  it("matches the FIPS 180-4 examples", () => {
    expect(hex(new ResumableSha256())).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(hex(new ResumableSha256().update(text("abc")))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(hex(new ResumableSha256().update(text("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")))).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
    const million = new ResumableSha256();
    for (let i = 0; i < 1000; i++) million.update(text("a".repeat(1000)));
    expect(hex(million)).toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  });

  it("agrees with WebCrypto at every length around the block and padding boundaries", async () => {
    const bytes = mediaBytes("mp4", 300, 3);
    for (let length = 0; length <= 300; length++) {
      const part = bytes.subarray(0, length);
      expect(hex(new ResumableSha256().update(part)), `length ${length}`).toBe(await sha256Hex(part));
    }
  });

  it("continues from a saved state across any split, as a PATCH after another does", async () => {
    const bytes = mediaBytes("mp4", 3 * 1024 + 17, 4);
    const expected = await sha256Hex(bytes);
    for (const cuts of [[0], [1], [63], [64], [65], [100, 200], [1000, 1001, 2048, 3000], [bytes.length]]) {
      let state = new ResumableSha256().save();
      let at = 0;
      for (const cut of [...cuts, bytes.length]) {
        state = ResumableSha256.restore(state).update(bytes.subarray(at, cut)).save();
        at = cut;
      }
      const resumed = ResumableSha256.restore(state);
      expect(resumed.bytesHashed).toBe(bytes.length);
      expect(hex(resumed), `cuts ${cuts.join(",")}`).toBe(expected);
    }
  });

  it("agrees with WebCrypto on random data of many lengths, saved and restored at random points", async () => {
    // Lengths around the block size, and past the WebAssembly module's input area (130,048 bytes).
    const lengths = [1, 55, 56, 64, 127, 128, 1000, 4096, 65_537, 130_047, 130_048, 130_113, 400_000];
    for (let i = 0; i < 12; i++) lengths.push(Math.floor(Math.random() * 300_000));
    for (const length of lengths) {
      const bytes = new Uint8Array(length);
      for (let at = 0; at < length; at += 65_536) crypto.getRandomValues(bytes.subarray(at, at + 65_536));
      const cuts = Array.from({ length: 1 + Math.floor(Math.random() * 6) }, () => Math.floor(Math.random() * length));
      cuts.sort((a, b) => a - b);
      let state = new ResumableSha256().save();
      let at = 0;
      for (const cut of [...cuts, length]) {
        state = ResumableSha256.restore(state).update(bytes.subarray(at, cut)).save();
        at = cut;
      }
      expect(hex(ResumableSha256.restore(state)), `length ${length}, cuts ${cuts.join(",")}`).toBe(
        await sha256Hex(bytes),
      );
    }
  });

  it("continues a state saved by the JavaScript version (uploads in flight when it was replaced)", async () => {
    // save() of the JavaScript compression after "lesson video bytes " x 7 (133 bytes: two blocks and 5 bytes).
    const saved = fromHex("9788de6f938d35a0ab2e458fa88ebff6a0fe6a97e49bbd10c53d85691a1e71504060a000000000007974657320");
    const first = text("lesson video bytes ".repeat(7));
    expect(toHex(new ResumableSha256().update(first).save())).toBe(toHex(saved));
    const rest = text("and the rest of the file");
    const resumed = ResumableSha256.restore(saved).update(rest);
    const whole = new Uint8Array(first.length + rest.length);
    whole.set(first);
    whole.set(rest, first.length);
    expect(hex(resumed)).toBe(await sha256Hex(whole));
  });

  it("a digest leaves the state as it was", async () => {
    const hasher = new ResumableSha256().update(text("ab"));
    hasher.digest();
    expect(hex(hasher.update(text("c")))).toBe(await sha256Hex(text("abc")));
  });

  it("refuses bytes that are not a saved state", () => {
    const valid = new ResumableSha256().update(text("hello")).save();
    expect(() => ResumableSha256.restore(valid.subarray(0, valid.length - 1))).toThrow("Not a saved SHA-256 state");
    expect(() => ResumableSha256.restore(new Uint8Array(3))).toThrow("Not a saved SHA-256 state");
    const negative = valid.slice();
    new DataView(negative.buffer).setFloat64(32, -5);
    expect(() => ResumableSha256.restore(negative)).toThrow("Not a saved SHA-256 state");
  });
});
