import { and, desc, eq, inArray } from "drizzle-orm";
import { SceneSchema } from "../../container/src/ai/scenes/schema";
import { MAX_INPUTS } from "../../container/src/protocol/contract";
import type { Database } from "../db/client";
import { type Asset, assets } from "../db/schema/assets";
import { sceneRuns } from "../db/schema/scene-runs";
import { transcripts } from "../db/schema/transcripts";
import type { ExportPayload, Timeline } from "./timeline-schema";

/** One field error, in the shape job creation reports (`payload.timeline.clips.0.out_point`). */
export interface TimelineIssue {
  path: string;
  message: string;
  code: string;
}

export interface SourceCue {
  start: number;
  end: number;
  text: string;
}

export interface ResolvedClip {
  asset: Asset;
  inPoint: number;
  /** Always set: the payload's out_point or the asset's duration. */
  outPoint: number;
  includeAudio: boolean;
  transition: Timeline["clips"][number]["transition"];
  /** Cues on the source clock: the clip's own ones. */
  cues: SourceCue[];
  /** Transcript cues on the source clock, when global subtitles cover this clip's asset. */
  transcript: SourceCue[];
}

export interface ResolvedTimeline {
  clips: ResolvedClip[];
  options: Omit<Timeline, "clips">;
  music: Asset | null;
  watermark: Asset | null;
  sceneRunId: string | null;
}

// Probed durations and a render's decodable length can differ by a frame or two.
const DURATION_SLACK = 0.05;

const fail = (path: string, message: string, code: string): TimelineIssue => ({ path, message, code });

/** The explicit timeline a payload describes: the payload's own, or one clip per scene of a scene run. */
async function timelineOf(
  db: Database,
  projectId: string,
  payload: ExportPayload,
): Promise<{ timeline: Timeline; base: string; sceneRunId: string | null } | TimelineIssue> {
  if (!payload.from_scenes) return { timeline: payload.timeline, base: "payload.timeline", sceneRunId: null };
  const { from_scenes, asset_id, tone, criteria, include_audio, transition, ...options } = payload;
  const [run] = await db
    .select()
    .from(sceneRuns)
    .where(
      and(
        eq(sceneRuns.projectId, projectId),
        eq(sceneRuns.assetId, asset_id),
        tone === undefined ? undefined : eq(sceneRuns.tone, tone),
        criteria === undefined ? undefined : eq(sceneRuns.criteria, criteria),
      ),
    )
    .orderBy(desc(sceneRuns.generatedAt))
    .limit(1);
  if (!run) {
    return fail("payload.from_scenes", "No scene run for this asset; run a scene_detection job first", "no_scene_run");
  }
  const scenes = run.scenes
    .map((scene) => SceneSchema.safeParse(scene))
    .flatMap((parsed) => (parsed.success && parsed.data.end > parsed.data.start ? [parsed.data] : []))
    .sort((a, b) => a.start - b.start);
  if (scenes.length === 0) return fail("payload.from_scenes", "The latest scene run found no scenes", "no_scenes");
  const clips = scenes.map((scene) => ({
    asset_id,
    in_point: scene.start,
    out_point: scene.end,
    include_audio,
    transition,
  }));
  return { timeline: { ...options, clips }, base: "payload", sceneRunId: run.id };
}

/**
 * Checks a payload against stored data and resolves it into clips with their assets. Used at job creation
 * (issues become a 422) and again when the job runs (issues become a permanent failure).
 */
export async function resolveExportTimeline(
  db: Database,
  projectId: string,
  payload: ExportPayload,
): Promise<{ timeline: ResolvedTimeline | null; issues: TimelineIssue[] }> {
  const resolved = await timelineOf(db, projectId, payload);
  if ("path" in resolved) return { timeline: null, issues: [resolved] };
  const { timeline, base, sceneRunId } = resolved;
  const { clips, ...options } = timeline;
  const clipPath = (i: number, field: string) =>
    payload.from_scenes
      ? `payload.${field === "asset_id" ? "asset_id" : "from_scenes"}`
      : `${base}.clips.${i}.${field}`;

  const ids = [
    ...new Set([
      ...clips.map((clip) => clip.asset_id),
      options.background_music?.asset_id,
      options.default_watermark?.asset_id,
    ]),
  ].filter((id): id is string => Boolean(id));
  const rows = await db
    .select()
    .from(assets)
    .where(and(eq(assets.projectId, projectId), inArray(assets.id, ids)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const issues: TimelineIssue[] = [];
  const resolvedClips: ResolvedClip[] = [];

  clips.forEach((clip, i) => {
    const asset = byId.get(clip.asset_id);
    if (asset?.category !== "video") {
      issues.push(fail(clipPath(i, "asset_id"), `No video ${clip.asset_id} in this project`, "not_found"));
      return;
    }
    if (asset.status !== "ready" || asset.durationSeconds === null) {
      issues.push(fail(clipPath(i, "asset_id"), `Video ${clip.asset_id} is ${asset.status}, not ready`, "not_ready"));
      return;
    }
    const duration = asset.durationSeconds;
    const outPoint = clip.out_point ?? duration;
    if (clip.in_point >= duration) {
      issues.push(fail(clipPath(i, "in_point"), `in_point is beyond the video's ${duration} s`, "beyond_duration"));
    } else if (outPoint > duration + DURATION_SLACK) {
      issues.push(fail(clipPath(i, "out_point"), `out_point is beyond the video's ${duration} s`, "beyond_duration"));
    }
    resolvedClips.push({
      asset,
      inPoint: clip.in_point,
      outPoint: Math.min(outPoint, duration),
      includeAudio: clip.include_audio,
      transition: clip.transition,
      cues: clip.subtitles ?? [],
      transcript: [],
    });
  });
  if (issues.length > 0) return { timeline: null, issues };

  resolvedClips.forEach((clip, i) => {
    const { type, duration } = clip.transition;
    const length = clip.outPoint - clip.inPoint;
    const next = resolvedClips[i + 1];
    const tooLong =
      type === "crossfade" && next ? duration >= Math.min(length, next.outPoint - next.inPoint) : duration > length;
    if (type !== "cut" && tooLong) {
      issues.push(fail(clipPath(i, "transition"), "The transition is longer than the clips it joins", "too_long"));
    }
  });

  const music = options.background_music ? (byId.get(options.background_music.asset_id) ?? null) : null;
  if (options.background_music && (music?.category !== "music" || music.status === "failed")) {
    issues.push(fail(`${base}.background_music.asset_id`, "Not an audio upload of this project", "not_audio"));
  }
  const watermark = options.default_watermark ? (byId.get(options.default_watermark.asset_id) ?? null) : null;
  if (options.default_watermark && (watermark?.category !== "image" || watermark.status === "failed")) {
    issues.push(fail(`${base}.default_watermark.asset_id`, "Not an image upload of this project", "not_image"));
  }
  const sources = new Set(resolvedClips.map((clip) => clip.asset.id)).size;
  const room = MAX_INPUTS - (music ? 1 : 0) - (watermark ? 1 : 0);
  if (sources > room) {
    issues.push(fail(`${base}.clips`, `At most ${room} different source videos per export`, "too_many_sources"));
  }
  issues.push(...(await attachTranscripts(db, projectId, resolvedClips, options.global_subtitles, base)));
  if (issues.length > 0) return { timeline: null, issues };
  return { timeline: { clips: resolvedClips, options, music, watermark, sceneRunId }, issues };
}

/** Loads the newest transcript of each asset global subtitles cover and hands its segments to the clips. */
async function attachTranscripts(
  db: Database,
  projectId: string,
  clips: ResolvedClip[],
  setting: Timeline["global_subtitles"],
  base: string,
): Promise<TimelineIssue[]> {
  const enabled = typeof setting === "object" ? setting.enabled : setting === true;
  if (!enabled) return [];
  const only = typeof setting === "object" ? setting.asset_id : undefined;
  const path = `${base}.global_subtitles`;
  if (only && !clips.some((clip) => clip.asset.id === only)) {
    return [fail(`${path}.asset_id`, "Not the source of any clip in this timeline", "not_in_timeline")];
  }
  const ids = only ? [only] : [...new Set(clips.map((clip) => clip.asset.id))];
  const rows = await db
    .select({ assetId: transcripts.assetId, segments: transcripts.segments, createdAt: transcripts.createdAt })
    .from(transcripts)
    .where(and(eq(transcripts.projectId, projectId), inArray(transcripts.assetId, ids)))
    .orderBy(desc(transcripts.createdAt));
  const latest = new Map<string, SourceCue[]>();
  for (const row of rows) {
    if (latest.has(row.assetId)) continue;
    latest.set(row.assetId, row.segments.flatMap(toCue));
  }
  if (latest.size === 0) {
    return [
      fail(
        only ? `${path}.asset_id` : path,
        "No transcript to burn in; run a transcription job first",
        "no_transcript",
      ),
    ];
  }
  for (const clip of clips) clip.transcript = latest.get(clip.asset.id) ?? [];
  return [];
}

function toCue(segment: unknown): SourceCue[] {
  const s = segment as Partial<SourceCue> | null;
  if (!s || typeof s.start !== "number" || typeof s.end !== "number" || typeof s.text !== "string") return [];
  const text = s.text.trim();
  return text && s.end > s.start ? [{ start: s.start, end: s.end, text }] : [];
}
