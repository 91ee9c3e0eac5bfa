import { describe, expect, it } from "vitest";
import { StorageError } from "../../../worker/storage/errors";
import { sniffMediaType } from "../../../worker/storage/media-types";
import { MultipartReader, multipartBoundary } from "../../../worker/storage/multipart-reader";
import { mediaBytes } from "./helpers";

const encoder = new TextEncoder();

/** A body delivered in chunks of the given size, as a plain (non-byte) stream. */
function chunked(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

function body(parts: { headers: string; data: Uint8Array }[], boundary: string, preamble = "") {
  const pieces: Uint8Array[] = [encoder.encode(preamble)];
  for (const part of parts) {
    pieces.push(encoder.encode(`--${boundary}\r\n${part.headers}\r\n\r\n`), part.data, encoder.encode("\r\n"));
  }
  pieces.push(encoder.encode(`--${boundary}--\r\n`));
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

async function readAll(stream: ReadableStream<Uint8Array>, boundary: string) {
  const reader = new MultipartReader(stream, boundary);
  const parts: { name: string; filename?: string; contentType?: string; data: Uint8Array }[] = [];
  for (let part = await reader.nextPart(); part; part = await reader.nextPart()) {
    const chunks: Uint8Array[] = [];
    for await (const chunk of reader.partBody()) chunks.push(chunk.slice());
    const data = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      data.set(c, at);
      at += c.length;
    }
    parts.push({ ...part, data });
  }
  return parts;
}

describe("MultipartReader", () => {
  // Data full of CR/LF and boundary-like prefixes, to catch boundary matches across chunk edges.
  const tricky = encoder.encode("\r\n--bound\r\n-\r\n--boun\r--bounX".repeat(50));
  const file = mediaBytes("mp4", 70_000, 9);
  const parts = [
    { headers: 'Content-Disposition: form-data; name="title"', data: encoder.encode("Hello") },
    { headers: 'Content-Disposition: form-data; name="tricky"', data: tricky },
    {
      headers: `Content-Disposition: form-data; name="file"; filename="a \\"q\\".mp4"; filename*=UTF-8''%C3%BCber.mp4\r\nContent-Type: video/mp4`,
      data: file,
    },
    { headers: 'Content-Disposition: form-data; name="empty"; filename=""', data: new Uint8Array(0) },
  ];
  const bytes = body(parts, "boundary", "preamble to ignore\r\n");

  it.each([1, 2, 7, 13, 4096, 1 << 20])("parses the same parts whatever the chunk size (%i)", async (size) => {
    const parsed = await readAll(chunked(bytes, size), "boundary");
    expect(parsed.map((p) => p.name)).toEqual(["title", "tricky", "file", "empty"]);
    expect(parsed[0]!.data).toEqual(encoder.encode("Hello"));
    expect(parsed[1]!.data).toEqual(tricky);
    expect(parsed[2]).toMatchObject({ filename: "über.mp4", contentType: "video/mp4" });
    expect(parsed[2]!.data).toEqual(file);
    expect(parsed[3]).toMatchObject({ filename: "", data: new Uint8Array(0) });
  });

  it("reads a byte stream (request body) the same way", async () => {
    const request = new Request("https://x.test/", { method: "POST", body: bytes });
    const parsed = await readAll(request.body!, "boundary");
    expect(parsed[2]!.data).toEqual(file);
  });

  it("skips unread parts when asked for the next one", async () => {
    const reader = new MultipartReader(chunked(bytes, 100), "boundary");
    const names: string[] = [];
    for (let part = await reader.nextPart(); part; part = await reader.nextPart()) names.push(part.name);
    expect(names).toEqual(["title", "tricky", "file", "empty"]);
  });

  it("rejects truncated bodies and parts without a disposition", async () => {
    const truncated = bytes.slice(0, bytes.length - 30_000);
    await expect(readAll(chunked(truncated, 500), "boundary")).rejects.toBeInstanceOf(StorageError);
    const noDisposition = body([{ headers: "Content-Type: text/plain", data: encoder.encode("x") }], "b");
    await expect(readAll(chunked(noDisposition, 10), "b")).rejects.toThrow(/disposition/);
    await expect(readAll(chunked(encoder.encode("nothing here"), 3), "b")).rejects.toThrow(/no boundary/);
  });

  it("takes the boundary from Content-Type, quoted or not", () => {
    expect(multipartBoundary("multipart/form-data; boundary=abc")).toBe("abc");
    expect(multipartBoundary('Multipart/Form-Data; charset=utf-8; boundary="a b:c"')).toBe("a b:c");
    expect(multipartBoundary("multipart/form-data")).toBeUndefined();
    expect(multipartBoundary("multipart/mixed; boundary=abc")).toBeUndefined();
    expect(multipartBoundary("application/json")).toBeUndefined();
    expect(multipartBoundary(undefined)).toBeUndefined();
  });
});

describe("sniffMediaType", () => {
  it.each([
    ["mp4", "video/mp4"],
    ["mov", "video/quicktime"],
    ["avi", "video/x-msvideo"],
    ["mp3", "audio/mpeg"],
    ["wav", "audio/wav"],
    ["m4a", "audio/mp4"],
    ["aac", "audio/aac"],
    ["ogg", "audio/ogg"],
    ["png", "image/png"],
    ["jpeg", "image/jpeg"],
    ["webp", "image/webp"],
  ] as const)("recognises %s", (format, contentType) => {
    expect(sniffMediaType(mediaBytes(format, 64).subarray(0, 16))).toEqual({ format, contentType });
  });

  it("recognises nothing in text or too few bytes", () => {
    expect(sniffMediaType(encoder.encode("just some text.."))).toBeNull();
    expect(sniffMediaType(new Uint8Array([0, 0, 0, 24, 0x66, 0x74]))).toBeNull();
  });
});
