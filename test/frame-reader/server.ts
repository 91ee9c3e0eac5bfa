/**
 * A frame reader for worker tests, which run inside workerd and cannot start ffmpeg: a Node HTTP server on
 * loopback. `POST /frame?at=<seconds>` with a video as the body answers the frame at that time, decoded by the
 * real ffmpeg and scaled to 16x9, as `{width, height, rgb}` (packed RGB bytes as numbers).
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { testBinaries } from "../media/generate";

export const FRAME_WIDTH = 16;
export const FRAME_HEIGHT = 9;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function frameAt(video: Buffer, seconds: number): Promise<number[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "frame-reader-"));
  try {
    const file = path.join(dir, "video");
    await writeFile(file, video);
    const { ffmpeg } = await testBinaries();
    const args = ["-v", "error", "-ss", String(seconds), "-i", file, "-frames:v", "1"];
    args.push("-vf", `scale=${FRAME_WIDTH}:${FRAME_HEIGHT}:flags=area`, "-f", "rawvideo", "-pix_fmt", "rgb24", "-");
    const stdout = await new Promise<Buffer>((resolve, reject) =>
      execFile(ffmpeg, args, { encoding: "buffer", maxBuffer: 1024 * 1024 }, (error, out) =>
        error ? reject(error) : resolve(out),
      ),
    );
    return [...stdout];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function startFrameReader(): Promise<{ url: string; stop(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://frame-reader");
      const at = Number(url.searchParams.get("at") ?? "0");
      if (req.method !== "POST" || url.pathname !== "/frame" || !Number.isFinite(at) || at < 0) {
        res.writeHead(404).end();
        return;
      }
      const rgb = await frameAt(await readBody(req), at);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ width: FRAME_WIDTH, height: FRAME_HEIGHT, rgb }));
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
