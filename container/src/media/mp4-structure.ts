import { type FileHandle, open } from "node:fs/promises";

export type Mp4Structure =
  | { kind: "not-mp4" }
  /** `duration` is the movie header's (mvhd) length in seconds, when the file has a readable one. */
  | { kind: "ok"; boxes: string[]; duration?: number }
  | { kind: "truncated"; neededBytes: number; actualBytes: number; box: string }
  | { kind: "invalid"; offset: number; reason: string };

const BOX_TYPE = /^[a-zA-Z0-9 ©_-]{4}$/;
// Top-level boxes of ISO-BMFF files; anything else at the top level means the bytes are not what the header claims.
const KNOWN_TOP_LEVEL = new Set([
  "ftyp",
  "moov",
  "mdat",
  "free",
  "skip",
  "wide",
  "uuid",
  "meta",
  "pdin",
  "moof",
  "mfra",
  "styp",
  "sidx",
  "ssix",
  "prft",
  "emsg",
  "pnot",
  "junk",
  "PICT",
]);

/**
 * Walks the top-level boxes of an MP4/MOV file (a few small reads, no decoding) to tell a truncated upload
 * (a box runs past the end of the file) from a file whose header lies (garbage where a box should be).
 * ffprobe alone trusts a front-loaded index and reports the full duration for a truncated faststart MP4.
 * `waitFor` holds each read until its bytes have arrived, so a faststart file is checked from its first bytes.
 */
export async function checkMp4Structure(
  filePath: string,
  fileSize: number,
  waitFor: (bytes: number) => Promise<void> = async () => {},
): Promise<Mp4Structure> {
  // An arriving file exists on disk only once its first bytes do.
  await waitFor(16);
  const handle = await open(filePath, "r");
  try {
    const header = Buffer.alloc(16);
    const boxes: string[] = [];
    let duration: number | undefined;
    let offset = 0;
    while (offset < fileSize) {
      await waitFor(offset + 16);
      const { bytesRead } = await handle.read(header, 0, Math.min(16, fileSize - offset), offset);
      if (bytesRead < 8) {
        return boxes.length === 0
          ? { kind: "not-mp4" }
          : { kind: "truncated", neededBytes: offset + 8, actualBytes: fileSize, box: "(header)" };
      }
      const type = header.toString("latin1", 4, 8);
      if (boxes.length === 0 && type !== "ftyp") return { kind: "not-mp4" };
      if (!BOX_TYPE.test(type) || !KNOWN_TOP_LEVEL.has(type)) {
        return { kind: "invalid", offset, reason: `unexpected data where an MP4 box should start (byte ${offset})` };
      }
      let boxSize = header.readUInt32BE(0);
      let headerSize = 8;
      if (boxSize === 1) {
        if (bytesRead < 16) return { kind: "truncated", neededBytes: offset + 16, actualBytes: fileSize, box: type };
        boxSize = Number(header.readBigUInt64BE(8));
        headerSize = 16;
      } else if (boxSize === 0) {
        boxSize = fileSize - offset; // "extends to end of file"
      }
      if (boxSize < headerSize) {
        return {
          kind: "invalid",
          offset,
          reason: `box ${type} at byte ${offset} declares an impossible size ${boxSize}`,
        };
      }
      boxes.push(type);
      if (offset + boxSize > fileSize) {
        return { kind: "truncated", neededBytes: offset + boxSize, actualBytes: fileSize, box: type };
      }
      if (type === "moov") duration ??= await movieDuration(handle, offset + headerSize, offset + boxSize, waitFor);
      offset += boxSize;
    }
    return { kind: "ok", boxes, ...(duration ? { duration } : {}) };
  } finally {
    await handle.close();
  }
}

/**
 * The duration in the movie header, mvhd, which muxers write as the first box inside moov. It lets the poster
 * start before ffprobe has finished; undefined when mvhd is not first or says nothing useful.
 */
async function movieDuration(
  handle: FileHandle,
  start: number,
  end: number,
  waitFor: (bytes: number) => Promise<void>,
): Promise<number | undefined> {
  const box = Buffer.alloc(40);
  if (end - start < box.length) return undefined;
  await waitFor(start + box.length);
  await handle.read(box, 0, box.length, start);
  if (box.toString("latin1", 4, 8) !== "mvhd") return undefined;
  // Version 0 stores times in 32 bits, version 1 in 64: creation and modification time, timescale, duration.
  const [timescale, units] =
    box[8] === 1
      ? [box.readUInt32BE(28), Number(box.readBigUInt64BE(32))]
      : [box.readUInt32BE(20), box.readUInt32BE(24)];
  // All ones means "unknown" (a file still being recorded, or fragmented).
  const unknown = units === (box[8] === 1 ? Number.MAX_SAFE_INTEGER : 0xffffffff);
  const seconds = timescale > 0 && !unknown ? units / timescale : 0;
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}
