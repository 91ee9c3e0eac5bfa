import { describe, expect, it } from "vitest";
import { ByteReader, FramingError } from "../../../container/src/protocol/byte-reader";
import { EventWriter } from "../../../container/src/protocol/event-writer";

const encoder = new TextEncoder();

/** A stream that delivers `parts` as separate chunks, so reads cross chunk boundaries. */
function streamOf(...parts: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const chunks = parts.map((part) => (typeof part === "string" ? encoder.encode(part) : part));
  return new ReadableStream({
    pull(controller) {
      const next = chunks.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
}

async function collect(reader: ByteReader, size: number): Promise<string> {
  const parts: Uint8Array[] = [];
  await reader.readExactly(size, (chunk) => {
    parts.push(chunk.slice());
  });
  return new TextDecoder().decode(Buffer.concat(parts));
}

describe("ByteReader", () => {
  it("reads lines and exact sections across chunk boundaries", async () => {
    const reader = ByteReader.from(streamOf('{"a"', ":1}\nhel", "lo wor", "ld", '{"b":2}\n'));
    expect(await reader.readLine(100)).toBe('{"a":1}');
    expect(await collect(reader, 11)).toBe("hello world");
    expect(await reader.readLine(100)).toBe('{"b":2}');
    expect(await reader.readLine(100)).toBeNull();
    expect(await reader.atEnd()).toBe(true);
  });

  it("a zero-byte section reads nothing", async () => {
    const reader = ByteReader.from(streamOf("x\n"));
    expect(await collect(reader, 0)).toBe("");
    expect(await reader.readLine(10)).toBe("x");
  });

  it("rejects a line longer than the limit, even without a newline in sight", async () => {
    await expect(ByteReader.from(streamOf("a".repeat(50), "\n")).readLine(10)).rejects.toThrow(FramingError);
    await expect(ByteReader.from(streamOf("a".repeat(50))).readLine(10)).rejects.toThrow(/longer than 10 bytes/);
  });

  it("rejects an unterminated last line and a section cut short", async () => {
    await expect(ByteReader.from(streamOf("partial")).readLine(100)).rejects.toThrow(/middle of a line/);
    await expect(collect(ByteReader.from(streamOf("abc")), 5)).rejects.toThrow(/2 bytes short of a 5-byte section/);
  });

  it("reports trailing bytes", async () => {
    const reader = ByteReader.from(streamOf("ab", "c"));
    await collect(reader, 2);
    expect(await reader.atEnd()).toBe(false);
  });
});

describe("EventWriter", () => {
  async function drain(writer: EventWriter, work: () => Promise<void>): Promise<string> {
    const text = new Response(writer.readable).text();
    await work();
    await writer.close();
    return text;
  }

  it("writes ndjson events, drops repeated or falling progress, and allows one terminal event", async () => {
    const writer = new EventWriter(() => {});
    const text = await drain(writer, async () => {
      await writer.progress(10);
      await writer.progress(10);
      await writer.progress(5);
      await writer.progress(42.7);
      await writer.emit({ type: "segments", items: [1] });
      await writer.result({ ok: true });
      await expect(writer.error("X", "late", false)).rejects.toThrow(/terminal event/);
    });
    expect(
      text
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line)),
    ).toEqual([
      { type: "progress", percent: 10 },
      { type: "progress", percent: 42 },
      { type: "segments", items: [1] },
      { type: "result", data: { ok: true } },
    ]);
  });

  it("refuses op events that pose as protocol events", () => {
    const writer = new EventWriter(() => {});
    expect(() => writer.emit({ type: "file", name: "x" })).toThrow(/reserved/);
  });

  it("tells the op when the reader goes away", async () => {
    let closedWith: unknown;
    const writer = new EventWriter((reason) => {
      closedWith = reason;
    });
    await writer.readable.cancel(new Error("client left"));
    await expect(writer.log("info", "anyone there?")).rejects.toThrow(/closed the event stream/);
    expect(closedWith).toBeInstanceOf(Error);
  });
});
