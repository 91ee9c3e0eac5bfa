import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { createDb } from "../../../worker/db/client";
import { storageObjects } from "../../../worker/db/schema/storage-objects";
import { type AssetResponse, AssetSchema } from "../../../worker/routes/assets/schema";
import { ADMIN, api } from "../jobs/job-test-kit";
import { mediaFixture } from "../media/fixtures";
import type { MediaFixtureName } from "../media-fixtures";

export { ADMIN, api };

/** Ingest runs the real media service; a loaded machine (and a busy-service retry) needs headroom. */
export const INGEST_TIMEOUT_MS = 60_000;
/** Per test: several ingests, each allowed INGEST_TIMEOUT_MS. */
export const TEST_TIMEOUT_MS = 3 * INGEST_TIMEOUT_MS;

/** Uploads a generated fixture through the multipart route, as a client would. */
export function uploadFixture(
  projectId: string,
  fixture: MediaFixtureName,
  filename = "lesson.mp4",
  headers: Record<string, string> = ADMIN,
) {
  const form = new FormData();
  form.append("file", new File([mediaFixture(fixture)], filename));
  return api(`/projects/${projectId}/videos`, { method: "POST", headers, body: form });
}

export async function uploadedVideo(projectId: string, fixture: MediaFixtureName): Promise<AssetResponse> {
  const res = await uploadFixture(projectId, fixture);
  if (res.status !== 201) throw new Error(`upload of ${fixture} failed: ${res.status} ${await res.text()}`);
  return AssetSchema.parse(await res.json());
}

export async function getAsset(projectId: string, assetId: string): Promise<AssetResponse> {
  const res = await api(`/projects/${projectId}/videos/${assetId}`, { headers: ADMIN });
  if (res.status !== 200) throw new Error(`GET asset failed: ${res.status} ${await res.text()}`);
  return AssetSchema.parse(await res.json());
}

/** The asset's rows in the thumbnails folder, and whether each object is really in R2. */
export async function thumbnailObjects(projectId: string, assetId: string) {
  const rows = await createDb(env.DB)
    .select()
    .from(storageObjects)
    .where(
      and(
        eq(storageObjects.projectId, projectId),
        eq(storageObjects.assetId, assetId),
        eq(storageObjects.category, "thumbnails"),
      ),
    );
  const listed = await env.BUCKET.list({ prefix: `projects/${projectId}/thumbnails/` });
  return {
    keys: rows.map((row) => row.key).sort(),
    r2Keys: listed.objects.map((object) => object.key).sort(),
  };
}

/** Width and height from a JPEG's SOF marker. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error("not a JPEG");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) throw new Error(`bad JPEG marker at ${offset}`);
    const marker = bytes[offset + 1] as number;
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
    }
    offset += 2 + view.getUint16(offset + 2);
  }
  throw new Error("no JPEG frame header");
}
