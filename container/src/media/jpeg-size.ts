import { open } from "node:fs/promises";

/** Reads a JPEG's pixel size from its SOF marker, so we report what ffmpeg actually wrote. */
export async function jpegSize(filePath: string): Promise<{ width: number; height: number }> {
  const handle = await open(filePath, "r");
  try {
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (head[0] !== 0xff || head[1] !== 0xd8) throw new Error("not a JPEG file");
    let offset = 2;
    while (offset + 9 < bytesRead) {
      if (head[offset] !== 0xff) throw new Error(`bad JPEG marker at byte ${offset}`);
      const marker = head[offset + 1]!;
      const length = head.readUInt16BE(offset + 2);
      // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return { height: head.readUInt16BE(offset + 5), width: head.readUInt16BE(offset + 7) };
      }
      offset += 2 + length;
    }
    throw new Error("JPEG frame header not found");
  } finally {
    await handle.close();
  }
}
