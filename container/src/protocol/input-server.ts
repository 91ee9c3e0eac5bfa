import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { open } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { ArrivingFile } from "./arriving-file";

const CHUNK_BYTES = 256 * 1024;

/** A URL ffmpeg can open for an arriving input, valid until `revoke`. */
export interface PublishedInput {
  url: string;
  revoke(): void;
}

/**
 * Serves arriving input files to ffmpeg and ffprobe over loopback HTTP, with Range requests, holding each read
 * until its bytes are on disk. A plain file path would not do: a reader that gets ahead of the upload sees
 * end-of-file and takes the video for a short one. Over HTTP ffmpeg seeks as usual (the probe reads the index,
 * the poster seeks to 10%) and simply waits. Only this process can reach it: it binds 127.0.0.1, and every
 * path is an unguessable id that is revoked when its request ends.
 */
export class InputServer {
  private readonly files = new Map<string, ArrivingFile>();
  private origin: Promise<string> | undefined;
  private server: http.Server | undefined;

  async publish(file: ArrivingFile): Promise<PublishedInput> {
    const origin = await this.start();
    const id = randomUUID();
    this.files.set(id, file);
    return { url: `${origin}/inputs/${id}`, revoke: () => this.files.delete(id) };
  }

  close(): void {
    this.server?.close();
    this.server?.closeAllConnections();
  }

  private start(): Promise<string> {
    this.origin ??= new Promise((resolve, reject) => {
      const server = http.createServer((request, response) => {
        this.handle(request, response).catch(() => response.destroy());
      });
      // Never what keeps the process alive; the service's own server does that.
      server.unref();
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
      this.server = server;
    });
    return this.origin;
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const id = /^\/inputs\/([0-9a-f-]{36})$/.exec(request.url ?? "")?.[1];
    const file = id ? this.files.get(id) : undefined;
    if (!file || (request.method !== "GET" && request.method !== "HEAD")) {
      response.writeHead(file ? 405 : 404).end();
      return;
    }
    const range = parseRange(request.headers.range, file.size);
    if (range === "unsatisfiable") {
      response.writeHead(416, { "content-range": `bytes */${file.size}` }).end();
      return;
    }
    const { start, end } = range ?? { start: 0, end: file.size - 1 };
    response.writeHead(range ? 206 : 200, {
      "accept-ranges": "bytes",
      "content-type": "application/octet-stream",
      "content-length": String(Math.max(0, end - start + 1)),
      ...(range ? { "content-range": `bytes ${start}-${end}/${file.size}` } : {}),
    });
    if (request.method === "HEAD" || end < start) {
      response.end();
      return;
    }
    await send(file, start, end, response);
  }
}

/** Copies bytes start..end (inclusive) to the response, each chunk as soon as it is on disk. */
async function send(file: ArrivingFile, start: number, end: number, response: http.ServerResponse): Promise<void> {
  const closed = once(response, "close").then(() => {
    throw new Error("reader went away");
  });
  closed.catch(() => {});
  // Opened once the range's first byte is there: an arriving file only exists on disk from its first chunk.
  await Promise.race([file.waitFor(start + 1), closed]);
  const handle = await open(file.path, "r");
  try {
    for (let at = start; at <= end; ) {
      // The reader may hang up mid-range (ffmpeg does when it seeks); stop instead of waiting on the upload.
      await Promise.race([file.waitFor(at + 1), closed]);
      const length = Math.min(CHUNK_BYTES, end + 1 - at, file.received - at);
      const chunk = Buffer.allocUnsafe(length);
      const { bytesRead } = await handle.read(chunk, 0, length, at);
      if (bytesRead === 0) throw new Error(`input file is shorter than ${at + 1} bytes`);
      at += bytesRead;
      if (!response.write(bytesRead === length ? chunk : chunk.subarray(0, bytesRead))) {
        await Promise.race([once(response, "drain"), closed]);
      }
    }
    response.end();
  } finally {
    await handle.close();
  }
}

/** One `bytes=` range (RFC 9110), clamped to the file; null means the whole file. */
function parseRange(header: string | undefined, size: number): { start: number; end: number } | "unsatisfiable" | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === "" && match[2] === "")) return null;
  if (match[1] === "") {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return "unsatisfiable";
  return { start, end };
}
