import { and, desc, eq, isNull, type SQL } from "drizzle-orm";
import type { Scene } from "../../container/src/ai/scenes/schema";
import type { ScenesResult } from "../../container/src/protocol/scenes-contract";
import { sha256Hex } from "../bytes";
import type { Database } from "../db/client";
import { type SceneRunRow, sceneRuns } from "../db/schema/scene-runs";

/** Everything that changes a scene run's answer; equal parameters give the same cache key. */
export interface SceneParameters {
  transcriptId: string;
  tone: string | null;
  criteria: string | null;
  maxScenes: number;
  model: string;
  promptVersion: string;
}

export interface StoredSceneRun {
  id: string;
  projectId: string;
  assetId: string;
  transcriptId: string;
  requestId: string;
  tone: string | null;
  criteria: string | null;
  maxScenes: number;
  model: string;
  promptVersion: string;
  scenes: Scene[];
  usage: { total_tokens: number; prompt_tokens: number; completion_tokens: number; requests: number };
  generatedAt: string;
}

/** The parts of the `scenes` op's result a run keeps. */
type StoredSceneResult = Pick<
  ScenesResult,
  "scenes" | "usage" | "model" | "prompt_version" | "request_id" | "generated_at"
>;

/** SHA-256 of the parameters as a JSON array: fixed order, and no separator a tone or criteria could forge. */
export async function sceneCacheKey(params: SceneParameters): Promise<string> {
  const material = JSON.stringify([
    params.transcriptId,
    params.tone,
    params.criteria,
    params.maxScenes,
    params.model,
    params.promptVersion,
  ]);
  return sha256Hex(material);
}

function fromRow(row: SceneRunRow): StoredSceneRun {
  return {
    id: row.id,
    projectId: row.projectId,
    assetId: row.assetId,
    transcriptId: row.transcriptId,
    requestId: row.requestId,
    tone: row.tone,
    criteria: row.criteria,
    maxScenes: row.maxScenes,
    model: row.model,
    promptVersion: row.promptVersion,
    scenes: row.scenes as Scene[],
    usage: row.usage as StoredSceneRun["usage"],
    generatedAt: row.generatedAt,
  };
}

export async function findSceneRun(db: Database, projectId: string, cacheKey: string): Promise<StoredSceneRun | null> {
  const [row] = await db
    .select()
    .from(sceneRuns)
    .where(and(eq(sceneRuns.cacheKey, cacheKey), eq(sceneRuns.projectId, projectId)))
    .limit(1);
  return row ? fromRow(row) : null;
}

/** Stores a run under its cache key; a forced re-run replaces the cached one. */
export async function saveSceneRun(
  db: Database,
  input: { projectId: string; assetId: string; cacheKey: string; params: SceneParameters; result: StoredSceneResult },
): Promise<StoredSceneRun> {
  const { params, result } = input;
  const row: SceneRunRow = {
    id: crypto.randomUUID(),
    projectId: input.projectId,
    assetId: input.assetId,
    transcriptId: params.transcriptId,
    cacheKey: input.cacheKey,
    tone: params.tone,
    criteria: params.criteria,
    maxScenes: params.maxScenes,
    model: params.model,
    promptVersion: params.promptVersion,
    // No OpenAI call is made for a transcript without speech, so there is no upstream id to keep.
    requestId: result.request_id ?? `local_${crypto.randomUUID()}`,
    scenes: result.scenes,
    usage: result.usage,
    generatedAt: result.generated_at,
  };
  const { id: _id, cacheKey: _key, ...update } = row;
  await db.insert(sceneRuns).values(row).onConflictDoUpdate({ target: sceneRuns.cacheKey, set: update });
  return (await findSceneRun(db, input.projectId, input.cacheKey)) ?? fromRow(row);
}

/**
 * The newest run made from the given transcript; with `match`, the newest with exactly that tone and
 * criteria (null meaning "none given").
 */
export async function latestSceneRun(
  db: Database,
  scope: { projectId: string; assetId: string; transcriptId: string },
  match?: { tone: string | null; criteria: string | null },
): Promise<StoredSceneRun | null> {
  const equalsOrNull = (column: typeof sceneRuns.tone | typeof sceneRuns.criteria, value: string | null): SQL =>
    value === null ? isNull(column) : eq(column, value);
  const [row] = await db
    .select()
    .from(sceneRuns)
    .where(
      and(
        eq(sceneRuns.projectId, scope.projectId),
        eq(sceneRuns.assetId, scope.assetId),
        eq(sceneRuns.transcriptId, scope.transcriptId),
        match ? equalsOrNull(sceneRuns.tone, match.tone) : undefined,
        match ? equalsOrNull(sceneRuns.criteria, match.criteria) : undefined,
      ),
    )
    .orderBy(desc(sceneRuns.generatedAt), desc(sceneRuns.id))
    .limit(1);
  return row ? fromRow(row) : null;
}
