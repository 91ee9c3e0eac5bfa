import { env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { createApp } from "../../../worker/app";
import { bearer, TEST_ADMIN_KEY } from "../helpers/project-key";

export type Fixture = "mp4" | "mov" | "avi" | "mp3" | "wav" | "m4a" | "aac" | "ogg" | "png" | "jpeg" | "webp";

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const u32be = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const u32le = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];

/** The first bytes of each format: enough for the server's content check, not a playable file. */
const HEADERS: Record<Fixture, number[]> = {
  mp4: [...u32be(24), ...ascii("ftypisom"), 0, 0, 2, 0, ...ascii("isommp41")],
  mov: [...u32be(20), ...ascii("ftypqt  "), 0, 0, 2, 0, ...ascii("qt  ")],
  avi: [...ascii("RIFF"), ...u32le(1000), ...ascii("AVI LIST")],
  mp3: [...ascii("ID3"), 4, 0, 0, 0, 0, 0, 0],
  wav: [...ascii("RIFF"), ...u32le(1000), ...ascii("WAVEfmt ")],
  m4a: [...u32be(24), ...ascii("ftypM4A "), 0, 0, 0, 0, ...ascii("M4A isom")],
  aac: [0xff, 0xf1, 0x50, 0x80, 0x02, 0x1f, 0xfc],
  ogg: [...ascii("OggS"), 0, 2, 0, 0, 0, 0, 0, 0, 0, 0],
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, ...ascii("IHDR")],
  jpeg: [0xff, 0xd8, 0xff, 0xe0, 0, 16, ...ascii("JFIF"), 0],
  webp: [...ascii("RIFF"), ...u32le(1000), ...ascii("WEBPVP8 ")],
};

/** `size` bytes starting with the format's header, then a deterministic pattern seeded by `seed`. */
export function mediaBytes(format: Fixture, size = 4096, seed = 1): Uint8Array {
  const bytes = new Uint8Array(size);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[i] = state >>> 24;
  }
  bytes.set(HEADERS[format].slice(0, size));
  return bytes;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export const ADMIN = bearer(TEST_ADMIN_KEY);

export const api = (path: string, init: RequestInit = {}) =>
  exports.default.fetch(new Request(`https://api.test${path}`, { ...init, headers: { ...ADMIN, ...init.headers } }));

export function fileForm(bytes: Uint8Array, filename: string, field = "file"): FormData {
  const form = new FormData();
  form.append("title", "ignored text field");
  form.append(field, new File([bytes], filename));
  return form;
}

export type UploadSegment = "videos" | "music" | "images";

export const upload = (projectId: string, segment: UploadSegment, bytes: Uint8Array, filename: string) =>
  api(`/projects/${projectId}/${segment}`, { method: "POST", body: fileForm(bytes, filename) });

/** The app with settings overridden (e.g. a small UPLOAD_MAX_SIZE), same bindings as the Worker under test. */
export function appWith(settings: Record<string, string>) {
  const app = createApp();
  const overridden = { ...env, ...settings };
  return (path: string, init: RequestInit = {}) =>
    app.request(`https://api.test${path}`, { ...init, headers: { ...ADMIN, ...init.headers } }, overridden);
}

/** Every object under a prefix, straight from R2. */
export async function r2Objects(prefix: string): Promise<R2Object[]> {
  const objects: R2Object[] = [];
  let cursor: string | undefined;
  do {
    const page = await env.BUCKET.list({ prefix, cursor });
    objects.push(...page.objects);
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return objects;
}
