/**
 * Seeded option order. Models put the key first far more often than chance, so generated options are reordered
 * with a seed stored on the quiz: the same seed gives the same order, so exports are stable. Runtime-neutral.
 */
import { type QuestionType, TRUE_FALSE_TEXTS } from "./question";

/** mulberry32: small, fast and good enough to spread answer positions. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface Arrangeable {
  type: QuestionType;
  options: readonly { text: string; correct: boolean }[];
}

/**
 * Reorders the options of each question. Single-answer multiple choice keys go to the position that has held the
 * key least often so far (ties broken by the seed), so keys are spread over the positions rather than only
 * random; distractors fill the other places in seeded order. True/false always reads True, False; multiple
 * response is shuffled; short answers have no options.
 */
export function arrangeOptions<Q extends Arrangeable>(questions: readonly Q[], seed: number): Q[] {
  const random = seededRandom(seed);
  const keyCounts: number[] = [];
  return questions.map((question) => {
    const options = question.options;
    if (question.type === "true_false") {
      const ordered = TRUE_FALSE_TEXTS.map((text) => options.find((o) => o.text.trim() === text));
      return ordered.every(Boolean) ? { ...question, options: ordered as Q["options"][number][] } : question;
    }
    if (question.type === "multiple_response") return { ...question, options: shuffled(options, random) };
    if (question.type !== "multiple_choice") return question;
    const key = options.find((o) => o.correct);
    if (!key) return { ...question, options: shuffled(options, random) };
    const positions = options.map((_, i) => i);
    const fewest = Math.min(...positions.map((i) => keyCounts[i] ?? 0));
    const candidates = positions.filter((i) => (keyCounts[i] ?? 0) === fewest);
    const target = candidates[Math.floor(random() * candidates.length)]!;
    keyCounts[target] = (keyCounts[target] ?? 0) + 1;
    const distractors = shuffled(
      options.filter((o) => o !== key),
      random,
    );
    distractors.splice(target, 0, key);
    return { ...question, options: distractors };
  });
}
