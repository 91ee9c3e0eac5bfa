import { env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { expect } from "vitest";
import { ErrorEnvelopeSchema } from "../../../worker/errors";
import { DirectUploadSchema } from "../../../worker/routes/uploads/schema";
import type { AppendDeps } from "../../../worker/uploads/upload-append";
import { bearer, TEST_ADMIN_KEY } from "../helpers/project-key";

export { mediaBytes, sha256Hex } from "../storage/helpers";

export const MiB = 1024 * 1024;
export const ADMIN = bearer(TEST_ADMIN_KEY);
export const TUS = { "Tus-Resumable": "1.0.0" };
export const OCTETS = { "Content-Type": "application/offset+octet-stream" };

/** Requests go through the real Worker entry point; `auth` replaces the admin key (null: none). */
export function call(url: string, init: RequestInit = {}, auth: Record<string, string> | null = ADMIN) {
  const absolute = url.startsWith("http") ? url : `https://api.test${url}`;
  return exports.default.fetch(new Request(absolute, { ...init, headers: { ...auth, ...init.headers } }));
}

const b64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

export function metadataHeader(entries: Record<string, string>): string {
  return Object.entries(entries)
    .map(([key, value]) => `${key} ${b64(value)}`)
    .join(",");
}

export interface CreateOptions {
  length: number;
  filename?: string;
  filetype?: string;
  body?: Uint8Array;
  headers?: Record<string, string>;
  auth?: Record<string, string> | null;
  /** Creation URL, e.g. a direct upload URL; defaults to the project's collection. */
  url?: string;
}

export function createUpload(projectId: string, options: CreateOptions) {
  const metadata: Record<string, string> = { filename: options.filename ?? "lesson.mp4" };
  if (options.filetype) metadata.filetype = options.filetype;
  return call(
    options.url ?? `/projects/${projectId}/uploads`,
    {
      method: "POST",
      headers: {
        ...TUS,
        "Upload-Length": String(options.length),
        "Upload-Metadata": metadataHeader(metadata),
        ...(options.body ? OCTETS : {}),
        ...options.headers,
      },
      body: options.body,
    },
    options.auth === undefined ? ADMIN : options.auth,
  );
}

/** Creates an upload and returns its absolute Location. */
export async function newUpload(projectId: string, options: CreateOptions): Promise<string> {
  const res = await createUpload(projectId, options);
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return res.headers.get("location")!;
}

export function patch(
  location: string,
  offset: number,
  body: Uint8Array | ReadableStream<Uint8Array>,
  extra: { headers?: Record<string, string>; auth?: Record<string, string> | null } = {},
) {
  return call(
    location,
    {
      method: "PATCH",
      headers: { ...TUS, ...OCTETS, "Upload-Offset": String(offset), ...extra.headers },
      body,
      ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit,
    extra.auth === undefined ? ADMIN : extra.auth,
  );
}

export function head(location: string, auth: Record<string, string> | null = ADMIN) {
  return call(location, { method: "HEAD", headers: TUS }, auth);
}

export async function offsetOf(location: string, auth: Record<string, string> | null = ADMIN): Promise<number> {
  const res = await head(location, auth);
  expect(res.status).toBe(200);
  return Number(res.headers.get("upload-offset"));
}

/** Checks the one error envelope, the status and the tus header every response carries. */
export async function expectTusError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("tus-resumable")).toBe("1.0.0");
  const body = ErrorEnvelopeSchema.parse(await res.json());
  expect(body.error.code).toBe(code);
  return body;
}

/** HEAD has no body to carry the envelope: the status and tus header are what a client sees. */
export function expectHeadStatus(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get("tus-resumable")).toBe("1.0.0");
}

/** The project and upload ids in an upload URL. */
export function idsOf(location: string): { projectId: string; uploadId: string } {
  const match = /\/projects\/([^/]+)\/uploads\/([0-9a-f]{32})/.exec(new URL(location).pathname);
  if (!match) throw new Error(`not an upload URL: ${location}`);
  return { projectId: match[1]!, uploadId: match[2]! };
}

/** Uploads `bytes` in the given chunk sizes, checking each PATCH's offset. */
export async function uploadInChunks(location: string, bytes: Uint8Array, chunkSizes: number[]): Promise<Response> {
  let offset = 0;
  let last: Response | undefined;
  for (const size of chunkSizes) {
    const chunk = bytes.subarray(offset, offset + size);
    last = await patch(location, offset, chunk);
    if (last.status !== 204) throw new Error(`PATCH at ${offset} failed: ${last.status} ${await last.text()}`);
    offset += chunk.length;
    expect(Number(last.headers.get("upload-offset"))).toBe(offset);
  }
  return last!;
}

/** Creates a direct upload URL with the admin key. */
export async function directUpload(projectId: string, body: Record<string, unknown> = {}) {
  const res = await call(`/projects/${projectId}/uploads/direct`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return DirectUploadSchema.parse(await res.json());
}

/** The real bucket, telling `onPart` of every part a writer uploads (its number, and the value it sent). */
export function observedBucket(onPart: (partNumber: number, value: unknown) => void): AppendDeps["bucket"] {
  return {
    resumeMultipartUpload(key, uploadId) {
      const upload = env.BUCKET.resumeMultipartUpload(key, uploadId);
      return {
        key: upload.key,
        uploadId: upload.uploadId,
        uploadPart: (partNumber, value, options) => {
          onPart(partNumber, value);
          return upload.uploadPart(partNumber, value, options);
        },
        abort: () => upload.abort(),
        complete: (parts) => upload.complete(parts),
      };
    },
  };
}
