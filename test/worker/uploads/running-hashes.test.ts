import { describe, expect, it } from "vitest";
import { toHex } from "../../../worker/bytes";
import { RunningHashes, RunningSha256 } from "../../../worker/uploads/running-sha256";
import { sha256Hex } from "./tus-kit";

const hashOf = (bytes: Uint8Array) => {
  const hash = RunningSha256.start();
  hash.update(bytes);
  return hash;
};

describe("running hashes kept between PATCHes", () => {
  it("hashes in pieces as in one go, and a copy goes on independently", async () => {
    const bytes = new TextEncoder().encode("the bytes of a lesson video, in three pieces");
    const hash = RunningSha256.start();
    hash.update(bytes.subarray(0, 7));
    const copy = hash.copy();
    hash.update(bytes.subarray(7, 20));
    hash.update(bytes.subarray(20));
    expect(hash.offset).toBe(bytes.length);
    expect(copy.offset).toBe(7);
    expect(toHex(hash.digest())).toBe(await sha256Hex(bytes));
    expect(toHex(copy.digest())).toBe(await sha256Hex(bytes.subarray(0, 7)));
  });

  it("a hash is handed out once, and only at the offset it reached; offset 0 always starts afresh", () => {
    const hashes = new RunningHashes();
    expect(hashes.take("u", 5)).toBeUndefined();
    hashes.keep("u", hashOf(new Uint8Array(5)));
    expect(hashes.take("u", 6)).toBeUndefined();
    // A wrong offset dropped it: the upload moved on without this isolate.
    expect(hashes.take("u", 5)).toBeUndefined();
    hashes.keep("u", hashOf(new Uint8Array(5)));
    expect(hashes.take("u", 5)?.offset).toBe(5);
    expect(hashes.take("u", 5)).toBeUndefined();
    hashes.keep("u", hashOf(new Uint8Array(5)));
    expect(hashes.take("u", 0)?.offset).toBe(0);
    expect(hashes.take("u", 5)).toBeUndefined();
  });

  it("a hash from before a late PATCH does not replace one that reaches further", () => {
    const hashes = new RunningHashes();
    hashes.keep("u", hashOf(new Uint8Array(9)));
    hashes.keep("u", hashOf(new Uint8Array(4)));
    expect(hashes.take("u", 9)?.offset).toBe(9);
  });

  it("holds at most its capacity, dropping the upload left longest", () => {
    const hashes = new RunningHashes(2);
    for (const upload of ["a", "b", "c"]) hashes.keep(upload, hashOf(new Uint8Array(3)));
    expect(hashes.take("a", 3)).toBeUndefined();
    expect(hashes.take("b", 3)?.offset).toBe(3);
    expect(hashes.take("c", 3)?.offset).toBe(3);
  });
});
