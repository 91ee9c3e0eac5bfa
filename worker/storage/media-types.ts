import type { AssetCategory } from "../db/schema/assets";

/** Bytes needed from the start of a file to recognise every supported format. */
export const SNIFF_BYTES = 16;

export type MediaFormat = "mp4" | "mov" | "avi" | "mp3" | "wav" | "m4a" | "aac" | "ogg" | "png" | "jpeg" | "webp";

const ascii = (head: Uint8Array, offset: number, text: string) =>
  head.length >= offset + text.length && [...text].every((char, i) => head[offset + i] === char.charCodeAt(0));

/** An ISO-BMFF file (mp4, mov, m4a) opens with an `ftyp` box whose size covers at least its major brand. */
const isoBmff = (head: Uint8Array) => {
  if (!ascii(head, 4, "ftyp") || head.length < 12) return false;
  const boxSize = ((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0;
  return boxSize === 1 || boxSize >= 12;
};
const riff = (head: Uint8Array, form: string) => ascii(head, 0, "RIFF") && ascii(head, 8, form);
// MPEG audio frame sync: 11 set bits, then a layer field that is not 00 (00 is ADTS/AAC).
const mpegAudioFrame = (head: Uint8Array) =>
  head.length >= 2 && head[0] === 0xff && (head[1]! & 0xe0) === 0xe0 && (head[1]! & 0x06) !== 0;
// ADTS: 12 set bits, then the layer field 00.
const adtsFrame = (head: Uint8Array) => head.length >= 2 && head[0] === 0xff && (head[1]! & 0xf6) === 0xf0;

interface FormatSpec {
  contentType: string;
  extensions: readonly string[];
  matches(head: Uint8Array): boolean;
}

export const MEDIA_FORMATS: Record<MediaFormat, FormatSpec> = {
  mp4: { contentType: "video/mp4", extensions: ["mp4"], matches: isoBmff },
  mov: { contentType: "video/quicktime", extensions: ["mov"], matches: isoBmff },
  avi: { contentType: "video/x-msvideo", extensions: ["avi"], matches: (h) => riff(h, "AVI ") },
  mp3: { contentType: "audio/mpeg", extensions: ["mp3"], matches: (h) => ascii(h, 0, "ID3") || mpegAudioFrame(h) },
  wav: { contentType: "audio/wav", extensions: ["wav"], matches: (h) => riff(h, "WAVE") },
  m4a: { contentType: "audio/mp4", extensions: ["m4a"], matches: isoBmff },
  aac: { contentType: "audio/aac", extensions: ["aac"], matches: adtsFrame },
  ogg: { contentType: "audio/ogg", extensions: ["ogg", "oga"], matches: (h) => ascii(h, 0, "OggS") },
  png: {
    contentType: "image/png",
    extensions: ["png"],
    matches: (h) => h.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => h[i] === b),
  },
  jpeg: {
    contentType: "image/jpeg",
    extensions: ["jpg", "jpeg"],
    matches: (h) => h.length >= 3 && h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff,
  },
  webp: { contentType: "image/webp", extensions: ["webp"], matches: (h) => riff(h, "WEBP") },
};

/** The formats each upload endpoint accepts. */
export const UPLOAD_FORMATS: Record<Exclude<AssetCategory, "export">, readonly MediaFormat[]> = {
  video: ["mp4", "mov", "avi"],
  music: ["mp3", "wav", "m4a", "aac", "ogg"],
  image: ["png", "jpeg", "webp"],
};

export function acceptedExtensions(category: Exclude<AssetCategory, "export">): string[] {
  return UPLOAD_FORMATS[category].flatMap((format) => MEDIA_FORMATS[format].extensions);
}

/** The format an upload claims by its extension, if the category accepts it. */
export function formatForExtension(category: Exclude<AssetCategory, "export">, extension: string) {
  return UPLOAD_FORMATS[category].find((format) => MEDIA_FORMATS[format].extensions.includes(extension.toLowerCase()));
}

/**
 * Best guess of a file's format from its first bytes (at least SNIFF_BYTES of them), or null.
 * ISO-BMFF files are told apart by their major brand: `qt  ` is QuickTime, `M4A `/`M4B ` audio, anything else mp4.
 */
export function sniffMediaType(head: Uint8Array): { format: MediaFormat; contentType: string } | null {
  const found = (format: MediaFormat) => ({ format, contentType: MEDIA_FORMATS[format].contentType });
  if (isoBmff(head)) {
    if (ascii(head, 8, "qt  ")) return found("mov");
    if (ascii(head, 8, "M4A ") || ascii(head, 8, "M4B ")) return found("m4a");
    return found("mp4");
  }
  const order: MediaFormat[] = ["avi", "wav", "webp", "png", "jpeg", "ogg", "mp3", "aac"];
  const format = order.find((candidate) => MEDIA_FORMATS[candidate].matches(head));
  return format ? found(format) : null;
}
