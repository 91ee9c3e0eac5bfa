/**
 * The quiz side of the fake: fill-in-the-blank questions written from the transcript lines of the prompt, and an
 * honest checker that answers them from the excerpt it is given. On request (directives in the focus, see
 * quiz-prompt.ts) it slips in the mistakes the service must catch.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { plainWords, readVerificationPrompt, readWindowPrompt, type WindowPrompt } from "./quiz-prompt";

const FALLBACK_WORDS = ["photosynthesis", "gravity", "triangle", "paragraph", "molecule", "equation", "continent"];
const INVENTED_QUOTE = "Volcanoes are mountains that grow taller every single winter because of the snow";
const BLANK = "____";

interface Line {
  index: number;
  text: string;
}

type Question = {
  type: string;
  stem: string;
  options: { text: string; correct: boolean }[];
  accepted_answers: string[];
  explanation: string;
  difficulty: "easy" | "medium" | "hard";
  bloom_level: "remember";
  evidence: { segment_indices: number[]; quote: string };
};

/** The word a cloze question blanks out: the sentence's longest word of four letters or more. */
function keyWord(text: string): string | undefined {
  return [...plainWords(text)]
    .filter((w) => w.length >= 4 && /^\p{L}+$/u.test(w))
    .sort((a, b) => b.length - a.length)[0];
}

function blanked(text: string, word: string): string {
  return text.replace(new RegExp(`\\b${word}\\b`, "i"), BLANK);
}

function distractors(line: Line, all: readonly Line[], count: number, offset: number): string[] {
  const own = new Set(plainWords(line.text));
  const pool = [...new Set([...all.flatMap((l) => plainWords(l.text)), ...FALLBACK_WORDS])].filter(
    (w) => w.length >= 4 && !own.has(w) && /^\p{L}+$/u.test(w),
  );
  return Array.from({ length: Math.min(count, pool.length) }, (_, k) => pool[(offset + k * 7) % pool.length]!);
}

function question(line: Line, all: readonly Line[], type: string, k: number): Question | undefined {
  const word = keyWord(line.text);
  if (!word) return undefined;
  const quote = line.text.split(/\s+/).slice(0, 14).join(" ");
  const base = {
    accepted_answers: [] as string[],
    explanation: `The teacher says "${line.text}".`,
    difficulty: (["easy", "medium", "hard"] as const)[k % 3]!,
    bloom_level: "remember" as const,
    evidence: { segment_indices: [line.index], quote },
  };
  const wrong = distractors(line, all, 3, k);
  if (type === "true_false") {
    const truth = k % 2 === 0 || wrong.length === 0;
    const statement = truth ? line.text : line.text.replace(new RegExp(`\\b${word}\\b`, "i"), wrong[0]!);
    return {
      ...base,
      type,
      stem: `True or false: the teacher says "${statement}"`,
      options: [
        { text: "True", correct: truth },
        { text: "False", correct: !truth },
      ],
    };
  }
  if (type === "short_answer") {
    return {
      ...base,
      type,
      stem: `Fill in the missing word: "${blanked(line.text, word)}"`,
      options: [],
      accepted_answers: [word],
    };
  }
  if (type === "multiple_response") {
    const said = plainWords(line.text)
      .filter((w) => w.length >= 4 && w !== word)
      .slice(0, 1);
    return {
      ...base,
      type,
      stem: `Which of these words does the teacher use in the sentence that begins "${line.text.split(/\s+/).slice(0, 4).join(" ")}"?`,
      options: [word, ...said]
        .map((text) => ({ text, correct: true }))
        .concat(wrong.slice(0, 2).map((text) => ({ text, correct: false }))),
    };
  }
  return {
    ...base,
    type: "multiple_choice",
    stem: `Which word completes what the teacher says: "${blanked(line.text, word)}"?`,
    options: [{ text: word, correct: true }, ...wrong.map((text) => ({ text, correct: false }))],
  };
}

/** The mistakes a test asked for, each replacing one of the honest questions (so the count stays as asked). */
function withFlaws(questions: Question[], prompt: WindowPrompt): Question[] {
  const out = [...questions];
  const flaws = [...prompt.directives.flaws];
  const last = prompt.lines.at(-1)?.index ?? 0;
  flaws.forEach((flaw, i) => {
    const slot = out.length - 1 - i;
    const q = out[slot];
    const first = out[0];
    if (!q || !first || slot <= 0) return;
    const copy: Question = JSON.parse(JSON.stringify(q));
    if (flaw === "invented_quote") copy.evidence.quote = INVENTED_QUOTE;
    else if (flaw === "out_of_range") copy.evidence.segment_indices = [last + 1];
    else if (flaw === "unknown_segment") copy.evidence.segment_indices = [99_999];
    else if (flaw === "duplicate") Object.assign(copy, JSON.parse(JSON.stringify(first)));
    else if (flaw === "near_duplicate")
      Object.assign(copy, {
        ...JSON.parse(JSON.stringify(first)),
        stem: first.stem.replace("Which word", "Which single word"),
      });
    else if (flaw === "wrong_key") copy.options = copy.options.map((o, j) => ({ ...o, correct: j === 1 }));
    else if (flaw === "bad_options") copy.options = copy.options.map((o, j) => ({ ...o, correct: j < 2 }));
    else if (flaw === "flaws") {
      const key = copy.options.find((o) => o.correct)!;
      key.text = `${key.text}, which is the word the teacher stresses in this sentence`;
      copy.options[copy.options.length - 1] = { text: "All of the above", correct: false };
      copy.stem = copy.stem.replace("Which word completes", "Which word does not leave a gap in");
    }
    out[slot] = copy;
  });
  return out;
}

function generate(prompt: WindowPrompt): { questions: Question[] } {
  const distinct = new Set<string>();
  const avoided = (line: Line) =>
    prompt.avoid.some((stem) => {
      const words = new Set(plainWords(stem));
      const own = plainWords(line.text);
      return own.filter((w) => words.has(w)).length >= 0.6 * own.length;
    });
  const eligible = prompt.lines.filter((line) => {
    const key = plainWords(line.text).join(" ");
    if (distinct.has(key) || plainWords(line.text).length < 4 || !keyWord(line.text) || avoided(line)) return false;
    distinct.add(key);
    return true;
  });
  const n = Math.min(prompt.questions, eligible.length);
  const picked = Array.from({ length: n }, (_, k) => eligible[Math.floor(((k + 0.5) * eligible.length) / n)]!);
  const questions = picked.flatMap(
    (line, k) => question(line, prompt.lines, prompt.types[k % prompt.types.length]!, k) ?? [],
  );
  const flawed = prompt.round === 1 && prompt.window === 1 ? withFlaws(questions, prompt) : questions;
  return { questions: flawed };
}

/** The checker: finds the blanked word (or the statement, or the words) in the excerpt, as a careful reader would. */
function answer(prompt: string) {
  const q = readVerificationPrompt(prompt);
  const excerpt = plainWords(q.excerpt);
  const quoted = /"([^"]*)"/.exec(q.stem)?.[1] ?? "";
  const letters = (pick: (text: string) => boolean) =>
    q.options.flatMap((text, i) => (pick(text) ? [String.fromCharCode(65 + i)] : []));
  if (q.type === "true_false") {
    const words = plainWords(quoted);
    const said = excerpt.some((_, i) => words.length > 0 && words.every((w, j) => excerpt[i + j] === w));
    return { answerable: true, choices: letters((t) => t === (said ? "True" : "False")), answer_text: "" };
  }
  if (q.type === "multiple_response") {
    return { answerable: true, choices: letters((t) => excerpt.includes(plainWords(t).join(" "))), answer_text: "" };
  }
  const [left = "", right = ""] = quoted.split(BLANK);
  const before = plainWords(left);
  const after = plainWords(right).slice(0, 3);
  const at = excerpt.findIndex(
    (_, p) =>
      p >= before.length &&
      before.every((w, j) => excerpt[p - before.length + j] === w) &&
      after.every((w, j) => excerpt[p + 1 + j] === w),
  );
  const word = at >= 0 ? excerpt[at] : undefined;
  if (!word || !quoted.includes(BLANK)) return { answerable: false, choices: [], answer_text: "" };
  if (q.type === "short_answer") return { answerable: true, choices: [], answer_text: word };
  return { answerable: true, choices: letters((t) => plainWords(t)[0] === word), answer_text: "" };
}

/** Whether a raw chat body asks for one of the quiz answers. */
export function isQuizRequest(body: Buffer | undefined): boolean {
  return body !== undefined && /"name"\s*:\s*"quiz_(questions|answer)"/.test(body.toString("utf8"));
}

/** Counts requests per directive, for `fail_first=N`. */
export class QuizFakeState {
  private readonly seen = new Map<string, number>();

  count(key: string): number {
    const n = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, n);
    return n;
  }
}

export type QuizAnswer = { content: string } | { error: { status: number; message: string; type: string } };

/** The answer to a quiz request (by its response_format name), or undefined for any other chat request. */
export async function answerQuiz(
  state: QuizFakeState,
  responseFormat: unknown,
  prompt: string,
): Promise<QuizAnswer | undefined> {
  const name = (responseFormat as { json_schema?: { name?: string } } | undefined)?.json_schema?.name;
  if (name === "quiz_answer") return { content: JSON.stringify(answer(prompt)) };
  if (name !== "quiz_questions") return undefined;
  const window = readWindowPrompt(prompt);
  const { key, failFirst, invalidFirst, delayMs } = window.directives;
  if (delayMs > 0) await sleep(delayMs);
  const seen = key ? state.count(key) : 0;
  if (seen > 0 && seen <= failFirst) {
    return {
      error: { status: 500, message: "The server had an error while processing your request.", type: "server_error" },
    };
  }
  if (seen > 0 && seen <= failFirst + invalidFirst) return { content: '{"questions": [{"type": "multiple_choice",' };
  return { content: JSON.stringify(generate(window)) };
}
