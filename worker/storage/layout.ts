import type { AssetCategory } from "../db/schema/assets";
import type { StorageCategory } from "../db/schema/storage-objects";
import { StorageError } from "./errors";

/** A project id is also an R2 key segment, so it is restricted to characters that cannot escape its prefix. */
export const PROJECT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function isValidProjectId(projectId: string): boolean {
  return PROJECT_ID_PATTERN.test(projectId);
}

export function assertProjectId(projectId: string): void {
  if (!isValidProjectId(projectId)) {
    throw new StorageError("invalid_project", "project_id must match ^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$", "project_id");
  }
}

/** The folder each asset category's files live in (the original's folder names). */
export const ASSET_FOLDERS: Record<AssetCategory, StorageCategory> = {
  video: "uploads",
  music: "music",
  image: "images",
  export: "exports",
};

/** `projects/{project_id}/`: everything a project owns lives under this prefix. */
export function projectPrefix(projectId: string): string {
  assertProjectId(projectId);
  return `projects/${projectId}/`;
}

// Stored names are generated here, never taken from clients, so one segment of [A-Za-z0-9._-] is all a name can be.
const STORED_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export function objectKey(projectId: string, category: StorageCategory, name: string): string {
  if (!STORED_NAME_PATTERN.test(name) || name.includes("..")) {
    throw new Error(`Refusing to build an object key from the name ${JSON.stringify(name)}`);
  }
  return `${projectPrefix(projectId)}${category}/${name}`;
}

/** The category folder of a key under `projects/{id}/`, or undefined for keys outside the layout. */
export function categoryOfKey(key: string): StorageCategory | undefined {
  const folder = key.split("/")[2];
  return (["uploads", "processed", "thumbnails", "exports", "music", "images"] as const).find((c) => c === folder);
}

/**
 * `20250101T123000-<16 hex of the asset id>.<ext>`: a pure function of upload time, asset id and extension.
 * Asset ids are random UUIDs and primary keys, so two assets never share a name.
 */
export function storedFileName(assetId: string, createdAt: Date, extension: string): string {
  const stamp = createdAt
    .toISOString()
    .replace(/\.\d{3}Z$/, "")
    .replace(/[-:]/g, "");
  const suffix = assetId
    .replace(/[^A-Za-z0-9]/g, "")
    .slice(0, 16)
    .toLowerCase();
  const ext = extension.toLowerCase().replace(/[^a-z0-9]/g, "");
  return `${stamp}-${suffix}.${ext}`;
}

/** The last `.ext` of a client file name's last segment, as sent (case kept); "" when there is none. */
function extensionSuffix(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot) : "";
}

/** The lower-cased extension of a client file name, without the dot; "" when there is none. */
export function fileExtension(filename: string): string {
  return extensionSuffix(filename).slice(1).toLowerCase();
}

const MAX_FILENAME_CHARS = 255;
// Longer "extensions" are not ones any format uses; such a name is simply cut.
const MAX_KEPT_EXTENSION_CHARS = 16;

/**
 * Keeps the client's name (unicode included) as metadata: control characters removed, at most 255 code
 * points. A long name is shortened before its extension, which is what the upload's format is checked by.
 */
export function cleanOriginalFilename(filename: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const cleaned = [...filename.replace(/[\u0000-\u001f\u007f]/g, "").trim()];
  if (cleaned.length <= MAX_FILENAME_CHARS) return cleaned.join("");
  const suffix = [...extensionSuffix(cleaned.join(""))];
  const kept = suffix.length <= MAX_KEPT_EXTENSION_CHARS ? suffix : [];
  return [...cleaned.slice(0, MAX_FILENAME_CHARS - kept.length), ...kept].join("");
}
