/** One generation round: every window's call side by side, then the deterministic checks in lesson order. */
import { checkQuestion, type EarlierQuestion, type TimeRange } from "../../quiz/checks";
import { type QuestionDraft, type RejectedDraft, rejectionReasons } from "../../quiz/question";
import type { QuizWindow } from "../../quiz/windows";
import type { Semaphore } from "../semaphore";
import { type CallDeps, generateWindow, type QuizRequest } from "./generate";
import type { ModelQuestion } from "./schema";

/** A question that passed the deterministic checks, with the window it came from. */
export interface Candidate {
  window: number;
  question: QuestionDraft;
}

export interface RoundOutcome {
  candidates: Candidate[];
  rejected: RejectedDraft[];
  /** Questions the model returned, per window index. */
  generated: Map<number, number>;
  requestIds: (string | null)[];
}

/** Option ids o1, o2, ... in the model's order, before any reordering, so ids never reveal the key's position. */
function draftOf(question: ModelQuestion): Omit<QuestionDraft, "checks" | "evidence"> {
  return {
    type: question.type,
    stem: question.stem.trim(),
    options: question.options.map((o, i) => ({ id: `o${i + 1}`, text: o.text.trim(), correct: o.correct })),
    accepted_answers: question.accepted_answers.map((a) => a.trim()),
    explanation: question.explanation.trim(),
    difficulty: question.difficulty,
    bloom_level: question.bloom_level,
  };
}

export async function runRound(
  request: QuizRequest & { range: TimeRange | null },
  asks: readonly { window: QuizWindow; questions: number; avoid: readonly string[] }[],
  round: { number: number; windowCount: number; earlier: EarlierQuestion[]; generatedSoFar: number },
  limiter: Semaphore,
  deps: CallDeps,
  onWindowDone: () => void,
): Promise<RoundOutcome> {
  const answers = await Promise.all(
    asks.map(async (ask) => {
      const answer = await limiter.run(() =>
        generateWindow(
          request,
          { ...ask.window, count: round.windowCount },
          { number: round.number, questions: ask.questions, avoid: ask.avoid },
          deps,
        ),
      );
      deps.log(
        "info",
        `Window ${ask.window.index + 1}/${round.windowCount}: ${answer.questions.length} question(s) generated`,
        {
          round: round.number,
          window: ask.window.index,
          start: ask.window.start,
          end: ask.window.end,
          requested: ask.questions,
          generated: answer.questions.length,
          request_id: answer.requestId,
        },
      );
      onWindowDone();
      return { ask, ...answer };
    }),
  );
  const outcome: RoundOutcome = { candidates: [], rejected: [], generated: new Map(), requestIds: [] };
  const earlier = round.earlier;
  let number = round.generatedSoFar;
  for (const { ask, questions, requestId } of answers) {
    outcome.requestIds.push(requestId);
    outcome.generated.set(ask.window.index, questions.length);
    for (const model of questions) {
      number++;
      const draft = draftOf(model);
      const verdict = checkQuestion(
        { ...draft, evidence: model.evidence },
        { segments: request.segments, range: request.range, allowedTypes: request.types, earlier },
      );
      const question: QuestionDraft = { ...draft, evidence: verdict.evidence, checks: verdict.checks };
      const reasons = rejectionReasons(verdict.checks);
      if (reasons.length > 0) {
        outcome.rejected.push({ ...question, reasons });
        continue;
      }
      earlier.push({ stem: question.stem, label: `generated question ${number}` });
      outcome.candidates.push({ window: ask.window.index, question });
    }
  }
  return outcome;
}
