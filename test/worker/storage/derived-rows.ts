import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { createDb } from "../../../worker/db/client";
import { assets } from "../../../worker/db/schema/assets";
import { jobs } from "../../../worker/db/schema/jobs";
import { sceneRuns } from "../../../worker/db/schema/scene-runs";
import { transcripts } from "../../../worker/db/schema/transcripts";
import { putTrackedObject } from "../../../worker/storage/tracked-objects";
import { mediaBytes } from "./helpers";

export const db = () => createDb(env.DB);

/** What ingest, transcription and scene detection leave behind for an asset: a thumbnail and rows. */
export async function addDerivedData(projectId: string, assetId: string, filename: string) {
  const now = new Date().toISOString();
  const thumbnail = await putTrackedObject(
    { db: db(), bucket: env.BUCKET },
    {
      projectId,
      category: "thumbnails",
      name: filename.replace(/\.\w+$/, ".jpg"),
      assetId,
      body: mediaBytes("jpeg", 2048),
      contentType: "image/jpeg",
    },
  );
  await db().update(assets).set({ thumbnailKey: thumbnail.key, status: "ready" }).where(eq(assets.id, assetId));
  const transcriptId = crypto.randomUUID();
  await db().batch([
    db().insert(transcripts).values({
      id: transcriptId,
      projectId,
      assetId,
      requestId: "req",
      model: "whisper-1",
      text: "hello",
      durationSeconds: 1,
      segments: [],
      usage: {},
      createdAt: now,
      updatedAt: now,
    }),
    db().insert(sceneRuns).values({
      id: crypto.randomUUID(),
      projectId,
      assetId,
      transcriptId,
      cacheKey: crypto.randomUUID(),
      maxScenes: 3,
      model: "gpt",
      promptVersion: "1",
      requestId: "req",
      scenes: [],
      usage: {},
      generatedAt: now,
    }),
    db()
      .insert(jobs)
      .values({
        id: crypto.randomUUID(),
        projectId,
        jobType: "ingest",
        status: "completed",
        maxAttempts: 3,
        retryDelaySeconds: 5,
        assetId,
        payload: { asset_id: assetId },
        createdAt: now,
        updatedAt: now,
      }),
  ]);
  return thumbnail;
}

export async function rowCounts(projectId: string) {
  const count = async (table: string) =>
    Number(
      (await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE project_id = ?`).bind(projectId).first())?.n,
    );
  return {
    assets: await count("assets"),
    storage_objects: await count("storage_objects"),
    transcripts: await count("transcripts"),
    scene_runs: await count("scene_runs"),
    jobs: await count("jobs"),
  };
}
