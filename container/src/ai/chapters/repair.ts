import type { ChapterRepairReport } from "../../protocol/chapters-contract";
import type { TimedSegment } from "../scenes/postprocess";
import type { Chapter, ModelChapter } from "./schema";

/** Differences below this (seconds) are rounding, not a gap, an overlap or a move. */
const TOLERANCE = 0.05;

const round3 = (value: number) => Math.round(value * 1000) / 1000;

interface Draft {
  title: string;
  summary: string;
  start: number;
  end: number;
}

/** The segment start nearest to `t`: a chapter begins where a line begins. */
function nearestStart(t: number, starts: readonly number[]): number {
  let best: number | undefined;
  for (const start of starts) if (best === undefined || Math.abs(start - t) < Math.abs(best - t)) best = start;
  return best ?? t;
}

function usable(raw: readonly ModelChapter[], duration: number, report: ChapterRepairReport): Draft[] {
  const drafts: Draft[] = [];
  for (const chapter of raw) {
    if (
      !Number.isFinite(chapter.start) ||
      !Number.isFinite(chapter.end) ||
      chapter.end <= 0 ||
      chapter.start >= duration
    ) {
      report.dropped_out_of_range++;
      continue;
    }
    const start = Math.max(0, chapter.start);
    const end = Math.min(duration, chapter.end);
    if (start !== chapter.start || end !== chapter.end) report.clamped++;
    if (!(start < end) || !chapter.title.trim()) {
      report.dropped_empty++;
      continue;
    }
    drafts.push({ title: chapter.title.trim(), summary: chapter.summary.trim(), start, end });
  }
  return drafts.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Counts where the model left holes or let chapters overlap, before the boundaries are set. */
function countSeams(drafts: readonly Draft[], duration: number, report: ChapterRepairReport): void {
  let reached = 0;
  for (const draft of drafts) {
    if (draft.start > reached + TOLERANCE) report.gaps++;
    else if (draft.start < reached - TOLERANCE) report.overlaps++;
    reached = Math.max(reached, draft.end);
  }
  if (drafts.length > 0 && reached < duration - TOLERANCE) report.gaps++;
}

/**
 * Turns the model's chapters into ones a player can use: inside [0, duration], in order, each starting on a
 * transcript segment's start (the first at 0) and ending where the next begins (the last at the end), so they
 * cover the lesson without gaps or overlaps. Chapters that collapse onto the same start are merged; beyond
 * `maxChapters` the shortest are merged into their neighbour. With nothing usable, one chapter (`fallback`)
 * covers the lesson.
 */
export function repairChapters(
  raw: readonly ModelChapter[],
  options: {
    duration: number;
    maxChapters: number;
    segments: readonly TimedSegment[];
    fallback: { title: string; summary: string };
  },
): { chapters: Chapter[]; report: ChapterRepairReport } {
  const report: ChapterRepairReport = {
    received: raw.length,
    dropped_out_of_range: 0,
    dropped_empty: 0,
    clamped: 0,
    overlaps: 0,
    gaps: 0,
    snapped: 0,
    merged: 0,
    truncated: 0,
  };
  const drafts = usable(raw, options.duration, report);
  countSeams(drafts, options.duration, report);
  const starts = options.segments
    .map((segment) => segment.start)
    .filter((start) => start > 0 && start < options.duration)
    .sort((a, b) => a - b);
  const kept: Draft[] = [];
  for (const draft of drafts) {
    // The first chapter starts at 0 (a later start was counted as a gap).
    const start = kept.length === 0 ? 0 : nearestStart(draft.start, starts);
    if (kept.length > 0 && Math.abs(start - draft.start) > TOLERANCE) report.snapped++;
    const previous = kept.at(-1);
    if (previous && start <= previous.start) {
      report.merged++;
      continue;
    }
    kept.push({ ...draft, start });
  }
  while (kept.length > options.maxChapters) {
    const spans = kept.map((draft, i) => (kept[i + 1]?.start ?? options.duration) - draft.start);
    const shortest = spans.indexOf(Math.min(...spans));
    // The first chapter is merged into the second, which then starts at 0; any other into the one before it.
    if (shortest === 0) kept.splice(0, 2, { ...(kept[1] as Draft), start: 0 });
    else kept.splice(shortest, 1);
    report.truncated++;
  }
  if (kept.length === 0) {
    const title = options.fallback.title.trim() || "Lesson";
    kept.push({ title, summary: options.fallback.summary.trim(), start: 0, end: options.duration });
  }
  const chapters = kept.map(
    (draft, index): Chapter => ({
      index,
      start: round3(draft.start),
      end: round3(kept[index + 1]?.start ?? options.duration),
      title: draft.title,
      summary: draft.summary,
    }),
  );
  return { chapters, report };
}
