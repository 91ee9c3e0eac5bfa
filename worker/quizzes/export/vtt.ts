import type { QuizDocument } from "./quiz-document";
import { oneLine } from "./quiz-document";

/** How long each cue lasts: players only need it to fire; WebVTT needs end after start. */
const CUE_SECONDS = 1;

function timestamp(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/**
 * A WebVTT metadata track: one cue per question with evidence, starting where its evidence window ends, its
 * payload `{"id", "stem"}` as JSON. `>` is written \u003e so a stem can never contain the cue arrow `-->`.
 * Questions without evidence (a teacher's own) have no moment in the video and no cue.
 */
export function renderVtt(doc: QuizDocument): string {
  const cues = doc.questions
    .filter((q) => q.evidence !== null)
    .sort((a, b) => a.evidence!.end - b.evidence!.end || a.position - b.position)
    .map((q) => {
      const at = q.evidence!.end;
      const payload = JSON.stringify({ id: q.id, stem: q.stem }).replace(/>/g, "\\u003e");
      return `${q.id}\n${timestamp(at)} --> ${timestamp(at + CUE_SECONDS)}\n${payload}`;
    });
  return `${[`WEBVTT ${oneLine(doc.quiz.title).replace(/-->/g, "->")}`, ...cues].join("\n\n")}\n`;
}
