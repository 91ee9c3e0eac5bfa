import { z } from "zod";
import { InvalidAnswer } from "../chat-json";

/** Consecutive transcript lines sent in one request; ids are positions in the whole transcript. */
export interface TranslationBatch {
  number: number;
  lines: { id: number; text: string }[];
}

/** Keeps a request (and its answer) well inside the model's output limit whatever `batch_size` says. */
const MAX_BATCH_CHARS = 6000;

export function planBatches(texts: readonly string[], batchSize: number): TranslationBatch[] {
  const batches: TranslationBatch[] = [];
  let current: TranslationBatch["lines"] = [];
  let chars = 0;
  texts.forEach((text, id) => {
    if (current.length > 0 && (current.length >= batchSize || chars + text.length > MAX_BATCH_CHARS)) {
      batches.push({ number: batches.length + 1, lines: current });
      current = [];
      chars = 0;
    }
    current.push({ id, text });
    chars += text.length;
  });
  if (current.length > 0) batches.push({ number: batches.length + 1, lines: current });
  return batches;
}

export const TranslationAnswerSchema = z.object({
  lines: z.array(z.object({ id: z.number().int(), text: z.string() })),
});
export type TranslationAnswer = z.infer<typeof TranslationAnswerSchema>;

const list = (ids: readonly number[]) =>
  ids.length > 5 ? `${ids.slice(0, 5).join(", ")} and ${ids.length - 5} more` : ids.join(", ");

/**
 * An answer is usable only line for line: the same ids in the same order, each with a translation. Anything
 * else (a line dropped, two merged into one, one split in two, lines reordered) is an InvalidAnswer, which
 * asks again.
 */
export function checkAnswer(batch: TranslationBatch, answer: TranslationAnswer): void {
  const asked = batch.lines.map((line) => line.id);
  const given = answer.lines.map((line) => line.id);
  const askedSet = new Set(asked);
  const unknown = given.filter((id) => !askedSet.has(id));
  if (unknown.length > 0)
    throw new InvalidAnswer(`the answer has lines that were not asked for (ids ${list(unknown)})`);
  const seen = new Set<number>();
  const repeated = given.filter((id) => seen.has(id) || !seen.add(id));
  if (repeated.length > 0) throw new InvalidAnswer(`the answer repeats lines (ids ${list(repeated)}): split lines`);
  const missing = asked.filter((id) => !seen.has(id));
  if (missing.length > 0) {
    throw new InvalidAnswer(
      `the answer dropped or merged lines: ${given.length} of ${asked.length}, missing ids ${list(missing)}`,
    );
  }
  const outOfPlace = given.findIndex((id, i) => id !== asked[i]);
  if (outOfPlace >= 0) {
    throw new InvalidAnswer(`the answer reorders lines: id ${given[outOfPlace]} where ${asked[outOfPlace]} belongs`);
  }
  const empty = answer.lines.filter((line) => !line.text.trim()).map((line) => line.id);
  if (empty.length > 0) throw new InvalidAnswer(`the answer left lines untranslated (ids ${list(empty)})`);
}
