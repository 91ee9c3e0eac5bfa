import type { SceneRepairReport } from "../../protocol/scenes-contract";
import type { ModelScene, Scene } from "./schema";

export interface TimedSegment {
  start: number;
  end: number;
}

/** Two scenes sharing at least this share of the shorter one are the same moment told twice. */
const DUPLICATE_OVERLAP = 0.5;
const MAX_TAGS = 8;

const round3 = (value: number) => Math.round(value * 1000) / 1000;

interface Draft extends Omit<ModelScene, "tags"> {
  tags: string[];
}

/** Start of the segment holding `t`; in a pause, the next segment's start (clips begin with speech). */
export function snapStart(t: number, segments: readonly TimedSegment[]): number {
  for (const s of segments) {
    if (t < s.end) return s.start;
  }
  return t;
}

/** End of the segment holding `t`; in a pause, the previous segment's end. */
export function snapEnd(t: number, segments: readonly TimedSegment[]): number {
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i] as TimedSegment;
    if (t > s.start) return s.end;
  }
  return t;
}

const rank = (a: Draft, b: Draft) => a.priority - b.priority || b.confidence - a.confidence || a.start - b.start;

function mergeDuplicates(drafts: Draft[], report: SceneRepairReport): Draft[] {
  const out: Draft[] = [];
  for (const scene of [...drafts].sort((a, b) => a.start - b.start)) {
    const twin = out.find((kept) => {
      const overlap = Math.min(kept.end, scene.end) - Math.max(kept.start, scene.start);
      const shorter = Math.min(kept.end - kept.start, scene.end - scene.start);
      return overlap > 0 && overlap >= DUPLICATE_OVERLAP * shorter;
    });
    if (!twin) {
      out.push(scene);
      continue;
    }
    report.merged++;
    const [best] = [twin, scene].sort(rank) as [Draft];
    Object.assign(twin, {
      title: best.title,
      description: best.description,
      start: Math.min(twin.start, scene.start),
      end: Math.max(twin.end, scene.end),
      confidence: Math.max(twin.confidence, scene.confidence),
      priority: Math.min(twin.priority, scene.priority),
      tags: [...new Set([...best.tags, ...twin.tags, ...scene.tags])].slice(0, MAX_TAGS),
    });
  }
  return out;
}

/**
 * Turns the model's scenes into ones a client can cut: inside [0, duration], start < end,
 * snapped to transcript segment boundaries, duplicates merged, best first, at most maxScenes.
 */
export function repairScenes(
  scenes: readonly ModelScene[],
  options: { duration: number; maxScenes: number; segments: readonly TimedSegment[] },
): { scenes: Scene[]; report: SceneRepairReport } {
  const report: SceneRepairReport = {
    received: scenes.length,
    dropped_out_of_range: 0,
    dropped_empty: 0,
    clamped: 0,
    merged: 0,
    truncated: 0,
  };
  const segments = [...options.segments].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const drafts: Draft[] = [];
  for (const raw of scenes) {
    if (raw.end <= 0 || raw.start >= options.duration) {
      report.dropped_out_of_range++;
      continue;
    }
    const start = Math.max(0, raw.start);
    const end = Math.min(options.duration, raw.end);
    if (start !== raw.start || end !== raw.end) report.clamped++;
    const snappedStart = segments.length ? snapStart(start, segments) : start;
    const snappedEnd = segments.length ? snapEnd(end, segments) : end;
    if (!(snappedStart < snappedEnd) || !raw.title.trim()) {
      report.dropped_empty++;
      continue;
    }
    drafts.push({
      title: raw.title.trim(),
      description: raw.description.trim(),
      start: round3(snappedStart),
      end: round3(Math.min(options.duration, snappedEnd)),
      confidence: Math.min(1, Math.max(0, raw.confidence)),
      priority: Math.max(1, Math.round(raw.priority)),
      tags: [...new Set(raw.tags.map((tag) => tag.trim()).filter(Boolean))].slice(0, MAX_TAGS),
    });
  }
  const ranked = mergeDuplicates(drafts, report).sort(rank);
  report.truncated = Math.max(0, ranked.length - options.maxScenes);
  const kept = ranked.slice(0, options.maxScenes).map(
    (d, i): Scene => ({
      id: `scene_${i + 1}`,
      title: d.title,
      description: d.description,
      start: d.start,
      end: d.end,
      duration: round3(d.end - d.start),
      confidence: round3(d.confidence),
      priority: d.priority,
      tags: d.tags,
    }),
  );
  return { scenes: kept, report };
}
