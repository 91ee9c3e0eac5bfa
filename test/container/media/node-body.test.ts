import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { FramingError } from "../../../container/src/protocol/byte-reader";
import { readNodeBody } from "../../../container/src/protocol/node-body";

const MiB = 1024 * 1024;
const tick = () => new Promise((resolve) => setImmediate(resolve));

async function section(reader: ReturnType<typeof readNodeBody>, size: number): Promise<string> {
  const parts: Buffer[] = [];
  await reader.readExactly(size, (chunk) => {
    parts.push(Buffer.from(chunk));
  });
  return Buffer.concat(parts).toString();
}

describe("readNodeBody (a request body read from its Node stream)", () => {
  it("reads lines and exact sections across chunk boundaries, then the end", async () => {
    const body = new PassThrough();
    const reader = readNodeBody(body);
    for (const part of ['{"a"', ":1}\nhel", "lo wor", "ld"]) body.write(part);
    body.end();
    expect(await reader.readLine(100)).toBe('{"a":1}');
    expect(await section(reader, 11)).toBe("hello world");
    expect(await reader.atEnd()).toBe(true);
  });

  it("pauses the stream while 4 MiB wait unread and resumes once they are taken", async () => {
    const body = new PassThrough({ highWaterMark: MiB });
    const reader = readNodeBody(body);
    for (let i = 0; i < 5; i++) body.write(Buffer.alloc(MiB, 1));
    await tick();
    expect(body.isPaused()).toBe(true);
    let taken = 0;
    await reader.readExactly(5 * MiB, (chunk) => {
      taken += chunk.length;
    });
    expect(taken).toBe(5 * MiB);
    expect(body.isPaused()).toBe(false);
  });

  it("fails a read when the stream closes before its end, or errors", async () => {
    const cut = new PassThrough();
    const cutReader = readNodeBody(cut);
    cut.write("abc");
    cut.destroy();
    await expect(section(cutReader, 10)).rejects.toThrow(FramingError);

    const broken = new PassThrough();
    const brokenReader = readNodeBody(broken);
    broken.destroy(new Error("socket hang up"));
    await expect(brokenReader.readLine(10)).rejects.toThrow("socket hang up");
  });

  it("release stops taking chunks but leaves the stream to its owner; cancel destroys it", async () => {
    const body = new PassThrough();
    const reader = readNodeBody(body);
    body.write("head\n");
    expect(await reader.readLine(10)).toBe("head");
    reader.release();
    expect(body.listenerCount("data")).toBe(0);
    expect(body.destroyed).toBe(false);
    expect(await reader.atEnd()).toBe(true);

    // A read already waiting ends too: the request's cleanup awaits it.
    const idle = new PassThrough();
    const idleReader = readNodeBody(idle);
    const waiting = section(idleReader, 10);
    await tick();
    idleReader.release();
    await expect(waiting).rejects.toThrow(/stopped/);

    const other = new PassThrough();
    const otherReader = readNodeBody(other);
    await otherReader.cancel(new Error("stop"));
    expect(other.destroyed).toBe(true);
  });
});
