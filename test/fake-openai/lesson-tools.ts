/**
 * The fake's answers to the translation and chapter requests, told apart from scene requests by their
 * response_format's schema name, and the behaviours that break those answers the ways the service must handle.
 */
import { readPrompt } from "./chat";

export type LessonToolBehaviour =
  /** The next translation answer leaves out its last line. */
  | { kind: "translation_drop" }
  /** The next translation answer joins its first two lines into one. */
  | { kind: "translation_merge" }
  /** The next translation answer swaps its first two lines. */
  | { kind: "translation_reorder" }
  /** The next chapter answer has chapters before the start, overlapping, with a gap, and past the end. */
  | { kind: "broken_chapters" };

const LINE_RE = /^\[(\d+)\] (.*)$/;

function translationAnswer(prompt: string, behaviour: { kind: string } | undefined): string {
  const code = /^Target language: .*?\(?([a-z]{2})\)?$/m.exec(prompt)?.[1] ?? "xx";
  const lines = prompt.split("\n").flatMap((line) => {
    const m = LINE_RE.exec(line);
    return m ? [{ id: Number(m[1]), text: `(${code}) ${m[2]}` }] : [];
  });
  if (behaviour?.kind === "translation_drop") lines.pop();
  if (behaviour?.kind === "translation_merge" && lines.length >= 2) {
    lines[0]!.text = `${lines[0]!.text} ${lines[1]!.text}`;
    lines.splice(1, 1);
  }
  if (behaviour?.kind === "translation_reorder" && lines.length >= 2) [lines[0], lines[1]] = [lines[1]!, lines[0]!];
  return JSON.stringify({ lines });
}

function chaptersAnswer(prompt: string, behaviour: { kind: string } | undefined): string {
  const { segments, duration } = readPrompt(prompt);
  const code = /^Language: .*\(([a-z]{2})\)\.$/m.exec(prompt)?.[1];
  const max = Number(/at most (\d+) chapters/.exec(prompt)?.[1] ?? 5);
  const summary = {
    title: `Lesson summary${code ? ` (${code})` : ""}`,
    abstract: `A lesson of ${segments.length} lines, starting with: ${segments[0]?.text ?? ""}`,
    key_points: segments.slice(0, 3).map((segment) => segment.text),
  };
  const chapter = (title: string, start: number, end: number) => ({ title, summary: `${title} summary`, start, end });
  if (behaviour?.kind === "broken_chapters") {
    const d = duration;
    return JSON.stringify({
      summary,
      chapters: [
        chapter("Before the start", -30, -5),
        chapter("Opening", 0, d * 0.5 + 1),
        chapter("Overlapping", d * 0.4, d * 0.6),
        chapter("After a gap", d * 0.75, d + 40),
        chapter("Past the end", d + 10, d + 20),
        chapter("Backwards", Math.min(5, d), Math.min(2, d / 2)),
      ],
    });
  }
  const count = Math.max(1, Math.min(max, Math.ceil(segments.length / 3)));
  const size = Math.ceil(segments.length / count);
  const chapters = [];
  for (let i = 0; i * size < segments.length; i++) {
    const group = segments.slice(i * size, (i + 1) * size);
    // A little after the line's start, as models do: the service snaps it back.
    chapters.push(
      chapter(
        `Part ${i + 1}: ${group[0]!.text.split(" ").slice(0, 4).join(" ")}`,
        group[0]!.start + 0.3,
        group.at(-1)!.end,
      ),
    );
  }
  return JSON.stringify({ summary, chapters });
}

/** The answer's content for a translation or chapter request; undefined for other chat requests. */
export function lessonToolAnswer(
  responseFormat: unknown,
  prompt: string,
  behaviour: { kind: string } | undefined,
): string | undefined {
  const name = (responseFormat as { json_schema?: { name?: string } } | undefined)?.json_schema?.name;
  if (name === "segment_translation") return translationAnswer(prompt, behaviour);
  if (name === "lesson_chapters") return chaptersAnswer(prompt, behaviour);
  return undefined;
}
