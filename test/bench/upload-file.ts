import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";

const MiB = 1024 * 1024;

/**
 * Writes `size` bytes that pass the mp4 content check (an ISO-BMFF ftyp box first), for the upload benchmarks;
 * returns their SHA-256 so the stored asset's checksum can be compared. Every 8 MiB block differs, so nothing
 * downstream can dedupe them.
 */
export async function generateUploadFile(file: string, size: number): Promise<string> {
  const hash = createHash("sha256");
  const out = createWriteStream(file);
  const block = randomBytes(8 * MiB);
  block.set([0, 0, 0, 24, ...Buffer.from("ftypisom"), 0, 0, 2, 0, ...Buffer.from("isommp41")]);
  for (let written = 0; written < size; ) {
    const chunk = block.subarray(0, Math.min(block.length, size - written));
    hash.update(chunk);
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    written += chunk.length;
    block[100] = (block[100]! + 1) & 255;
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return hash.digest("hex");
}
