import type { Context } from "hono";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../errors";

/** What a download needs to know about an R2 object before reading it. */
export interface ServedObject {
  key: string;
  size: number;
  /** A quoted entity tag, e.g. `"9f86d0…"`. */
  etag: string;
  lastModified: Date;
  contentType: string;
  /** Content-Disposition, if any. */
  disposition?: string;
}

type ByteRange = { offset: number; length: number };

const opaque = (tag: string) => tag.trim().replace(/^W\//, "");

function etagListMatches(header: string, etag: string, weak: boolean): boolean {
  if (header.trim() === "*") return true;
  return header.split(",").some((candidate) => {
    const tag = candidate.trim();
    if (!weak && tag.startsWith("W/")) return false;
    return opaque(tag) === opaque(etag);
  });
}

// HTTP dates have second precision, so comparisons drop the milliseconds.
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const parseHttpDate = (value: string | undefined) => {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : Math.floor(time / 1000);
};

/**
 * The single byte range asked for, "unsatisfiable", or undefined when the header should be ignored
 * (absent, malformed, or several ranges: RFC 9110 lets a server answer those with the whole file).
 */
export function parseRange(header: string | undefined, size: number): ByteRange | "unsatisfiable" | undefined {
  if (!header) return undefined;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return undefined;
  const [, first, last] = match;
  if (first === "" && last === "") return undefined;
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0) return "unsatisfiable";
    const length = Math.min(suffix, size);
    return { offset: size - length, length };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Number(last);
  if (last !== "" && end < start) return undefined;
  if (start >= size) return "unsatisfiable";
  return { offset: start, length: Math.min(end, size - 1) - start + 1 };
}

/**
 * Answers GET/HEAD for an R2 object with validators (ETag, Last-Modified), conditional requests
 * (If-Match, If-Unmodified-Since, If-None-Match, If-Modified-Since, If-Range) and single byte ranges,
 * streaming the body from R2 without buffering it.
 */
export async function serveObject(c: Context<AppEnv>, bucket: R2Bucket, object: ServedObject): Promise<Response> {
  const header = (name: string) => c.req.header(name);
  const headers = new Headers({
    ETag: object.etag,
    "Last-Modified": object.lastModified.toUTCString(),
    "Accept-Ranges": "bytes",
    "Cache-Control": "private, no-cache",
  });
  const modified = seconds(object.lastModified);

  const ifMatch = header("if-match");
  const ifUnmodifiedSince = parseHttpDate(header("if-unmodified-since"));
  if (
    (ifMatch !== undefined && !etagListMatches(ifMatch, object.etag, false)) ||
    (ifMatch === undefined && ifUnmodifiedSince !== undefined && modified > ifUnmodifiedSince)
  ) {
    throw new ApiError("PRECONDITION_FAILED", "The file does not match the request's preconditions");
  }
  const ifNoneMatch = header("if-none-match");
  const ifModifiedSince = parseHttpDate(header("if-modified-since"));
  if (
    (ifNoneMatch !== undefined && etagListMatches(ifNoneMatch, object.etag, true)) ||
    (ifNoneMatch === undefined && ifModifiedSince !== undefined && modified <= ifModifiedSince)
  ) {
    return new Response(null, { status: 304, headers });
  }

  let range = parseRange(header("range"), object.size);
  const ifRange = header("if-range");
  if (range !== undefined && ifRange !== undefined) {
    const stillCurrent = /^(W\/)?"/.test(ifRange.trim())
      ? !ifRange.trim().startsWith("W/") && opaque(ifRange) === opaque(object.etag)
      : parseHttpDate(ifRange) === modified;
    if (!stillCurrent) range = undefined;
  }
  if (range === "unsatisfiable") {
    throw new ApiError("RANGE_NOT_SATISFIABLE", `The range is outside the file's ${object.size} bytes`, {
      headers: { "Content-Range": `bytes */${object.size}` },
    });
  }

  headers.set("Content-Type", object.contentType);
  if (object.disposition) headers.set("Content-Disposition", object.disposition);
  headers.set("Content-Length", String(range ? range.length : object.size));
  if (range) headers.set("Content-Range", `bytes ${range.offset}-${range.offset + range.length - 1}/${object.size}`);
  const status = range ? 206 : 200;
  if (c.req.method === "HEAD") return new Response(null, { status, headers });

  const body = await bucket.get(object.key, range ? { range } : undefined);
  if (!body) throw new ApiError("NOT_FOUND", "The file is no longer stored");
  return new Response(body.body, { status, headers });
}

/**
 * Serves a file derived from an asset (poster, storyboard sprite) with Range and validators, or 404.
 * Derived files get new names on every ingest, so R2's own ETag and upload time describe exactly this file.
 */
export async function serveDerivedObject(
  c: Context<AppEnv>,
  key: string | null | undefined,
  missingMessage: string,
): Promise<Response> {
  const head = key ? await c.env.BUCKET.head(key) : null;
  if (!head) throw new ApiError("NOT_FOUND", missingMessage);
  return serveObject(c, c.env.BUCKET, {
    key: head.key,
    size: head.size,
    etag: head.httpEtag,
    lastModified: head.uploaded,
    contentType: head.httpMetadata?.contentType ?? "image/jpeg",
  });
}
