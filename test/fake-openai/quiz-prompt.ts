/**
 * What the fake reads off the quiz prompts, and the test directives a quiz request may carry in its focus:
 * `[[fake-quiz invented_quote out_of_range ... fail_first=3 invalid_json_first=1 delay_ms=4000]]`. Directives ride in the prompt
 * rather than the shared behaviour queue, so test files running side by side cannot take each other's.
 */

export interface WindowPrompt {
  lines: { index: number; start: number; end: number; text: string }[];
  questions: number;
  types: string[];
  round: number;
  window: number;
  avoid: string[];
  directives: Directives;
}

export interface Directives {
  /** The directive text itself: the key under which its counters are kept. */
  key: string | null;
  flaws: Set<string>;
  failFirst: number;
  /** Answers this many requests with broken JSON (after any failures). */
  invalidFirst: number;
  delayMs: number;
}

const LINE_RE = /^\[#(\d+) (\d+(?:\.\d+)?) - (\d+(?:\.\d+)?)\] (.*)$/;

export function readDirectives(prompt: string): Directives {
  const match = /\[\[fake-quiz([^\]]*)\]\]/.exec(prompt);
  const directives: Directives = {
    key: match?.[0] ?? null,
    flaws: new Set(),
    failFirst: 0,
    invalidFirst: 0,
    delayMs: 0,
  };
  for (const word of (match?.[1] ?? "").trim().split(/\s+/).filter(Boolean)) {
    const [name, value] = word.split("=");
    if (name === "fail_first") directives.failFirst = Number(value);
    else if (name === "invalid_json_first") directives.invalidFirst = Number(value);
    else if (name === "delay_ms") directives.delayMs = Number(value);
    else directives.flaws.add(name!);
  }
  return directives;
}

export function readWindowPrompt(prompt: string): WindowPrompt {
  const lines: WindowPrompt["lines"] = [];
  const avoid: string[] = [];
  let inAvoid = false;
  for (const raw of prompt.split("\n")) {
    const line = raw.trim();
    const m = LINE_RE.exec(line);
    if (m) lines.push({ index: Number(m[1]), start: Number(m[2]), end: Number(m[3]), text: m[4] ?? "" });
    if (line.startsWith("Questions already written")) inAvoid = true;
    else if (line.startsWith("Transcript (")) inAvoid = false;
    else if (inAvoid && line.startsWith("- ")) avoid.push(line.slice(2));
  }
  return {
    lines,
    questions: Number(/Write exactly (\d+) questions/.exec(prompt)?.[1] ?? 1),
    types: (/Question types[^:]*: (.*)/.exec(prompt)?.[1] ?? "multiple_choice").split(",").map((t) => t.trim()),
    round: Number(/Round: (\d+)/.exec(prompt)?.[1] ?? 1),
    window: Number(/Lesson window (\d+) of/.exec(prompt)?.[1] ?? 1),
    avoid,
    directives: readDirectives(prompt),
  };
}

export interface VerificationPrompt {
  excerpt: string;
  type: string;
  stem: string;
  options: string[];
}

export function readVerificationPrompt(prompt: string): VerificationPrompt {
  const lines = prompt.split("\n");
  const question = lines.find((line) => line.startsWith("Question ("));
  const m = /^Question \(([a-z_]+)\): (.*)$/.exec(question ?? "");
  return {
    excerpt: lines[lines.indexOf("Excerpt:") + 1] ?? "",
    type: m?.[1] ?? "multiple_choice",
    stem: m?.[2] ?? "",
    options: lines.flatMap((line) => {
      const option = /^[A-Z]\. (.*)$/.exec(line);
      return option ? [option[1]!] : [];
    }),
  };
}

/** Lower case, punctuation gone, single spaces: the fake's view of text, like the service's normalisation. */
export const plainWords = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, " ")
    .split(/\s+/)
    .filter(Boolean);
