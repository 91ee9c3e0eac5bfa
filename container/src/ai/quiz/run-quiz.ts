/**
 * A whole quiz run: windows generated in parallel, deterministic checks, the answerability check of every
 * survivor in parallel, at most one more round for the missing questions, then the seeded option order. The
 * model calls on the critical path are one generation and one verification per round.
 */

import type { QuizOptions, QuizResult } from "../../protocol/quiz-contract";
import type { EarlierQuestion, TimedText, TimeRange } from "../../quiz/checks";
import { type QuestionDraft, type RejectedDraft, rejectionReasons } from "../../quiz/question";
import { arrangeOptions } from "../../quiz/shuffle";
import { planWindows, spreadQuestions } from "../../quiz/windows";
import { AiError } from "../errors";
import type { OpenAIHandle } from "../openai-client";
import { Semaphore } from "../semaphore";
import type { QuizRequest } from "./generate";
import { type Candidate, runRound } from "./round";
import { CallLedger, type Log } from "./structured-call";
import { verifyQuestion } from "./verify";

export interface QuizRunEvents {
  progress(percent: number): void;
  log: Log;
}

const SHARES = { firstGeneration: 45, firstVerification: 90, secondRound: 99 };

/** Lesson order: by where the evidence starts, then by stem, so equal windows sort the same every time. */
const lessonOrder = (a: QuestionDraft, b: QuestionDraft) =>
  (a.evidence?.start ?? 0) - (b.evidence?.start ?? 0) || a.stem.localeCompare(b.stem);

export async function runQuiz(
  options: QuizOptions,
  segments: readonly TimedText[],
  deps: { openai: OpenAIHandle; signal?: AbortSignal },
  events: QuizRunEvents,
): Promise<QuizResult> {
  const started = Date.now();
  const range: TimeRange | null = options.range;
  const windows = planWindows(segments, range, {
    numQuestions: options.num_questions,
    windowSeconds: options.window_seconds,
  });
  if (windows.length === 0) {
    throw new AiError(
      "NO_SPEECH",
      range
        ? "Nothing is said in the requested range, so there is nothing to ask about"
        : "The lesson has no speech to ask about",
      false,
    );
  }
  // The first failing call stops the others: the run fails as a whole.
  const stop = new AbortController();
  const signal = deps.signal ? AbortSignal.any([deps.signal, stop.signal]) : stop.signal;
  const ledger = new CallLedger();
  const callDeps = { openai: deps.openai, signal, ledger, log: events.log };
  const limiter = new Semaphore(options.concurrency);
  const request: QuizRequest & { range: TimeRange | null } = {
    segments,
    types: [...new Set(options.question_types)],
    difficulty: options.difficulty,
    language: options.language,
    transcriptLanguage: options.transcript_language,
    focus: options.focus,
    audience: options.audience,
    model: options.model,
    promptVersion: options.prompt_version,
    range,
  };
  const earlier: EarlierQuestion[] = [];
  const kept: Candidate[] = [];
  const rejected: RejectedDraft[] = [];
  const generated = new Map<number, number>();
  const requested = new Map<number, number>();
  let rounds = 1;
  const requestIds: (string | null)[] = [];
  let generatedCount = 0;
  events.log("info", `Generating ${options.num_questions} question(s) over ${windows.length} window(s)`, {
    windows: windows.map((w) => ({ index: w.index, start: w.start, end: w.end, questions: w.questions })),
    verify: options.verify,
  });

  async function round(number: number, asks: Parameters<typeof runRound>[1], from: number, to: number) {
    rounds = number;
    for (const ask of asks) requested.set(ask.window.index, (requested.get(ask.window.index) ?? 0) + ask.questions);
    const calls = asks.length + (options.verify ? asks.reduce((sum, ask) => sum + ask.questions, 0) : 0);
    let done = 0;
    const step = () => events.progress(from + ((to - from) * ++done) / Math.max(1, calls));
    const outcome = await runRound(
      request,
      asks,
      { number, windowCount: windows.length, earlier, generatedSoFar: generatedCount },
      limiter,
      callDeps,
      step,
    );
    for (const [index, count] of outcome.generated) generated.set(index, (generated.get(index) ?? 0) + count);
    generatedCount += [...outcome.generated.values()].reduce((a, b) => a + b, 0);
    requestIds.push(...outcome.requestIds);
    rejected.push(...outcome.rejected);
    if (!options.verify) {
      kept.push(...outcome.candidates);
      return;
    }
    // Shown in a seeded order too: a checker that favours the first option must not favour the key.
    const shown = arrangeOptions(
      outcome.candidates.map((c) => c.question),
      options.seed ^ number,
    );
    const verdicts = await Promise.all(
      shown.map(async (question) => {
        const check = await limiter.run(() =>
          verifyQuestion(question, segments, { model: options.model, promptVersion: options.prompt_version }, callDeps),
        );
        step();
        return check;
      }),
    );
    outcome.candidates.forEach((candidate, i) => {
      const checks = [...candidate.question.checks, verdicts[i]!];
      const question = { ...candidate.question, checks };
      const reasons = rejectionReasons(checks);
      if (reasons.length > 0) rejected.push({ ...question, reasons });
      else kept.push({ ...candidate, question });
    });
  }

  try {
    await round(
      1,
      windows.filter((w) => w.questions > 0).map((window) => ({ window, questions: window.questions, avoid: [] })),
      0,
      SHARES.firstVerification,
    );
    const missing = options.num_questions - kept.length;
    if (missing > 0) {
      const keptIn = (index: number) => kept.filter((c) => c.window === index);
      const deficits = windows.map((w) => Math.max(0, w.questions - keptIn(w.index).length));
      const weights = deficits.some((d) => d > 0) ? deficits : windows.map((w) => w.segmentIndices.length);
      const shares = spreadQuestions(missing, weights, 0);
      events.log("info", `${missing} question(s) missing after round 1; asking once more`, { shares });
      await round(
        2,
        windows.flatMap((window, i) =>
          shares[i]! > 0
            ? [{ window, questions: shares[i]!, avoid: keptIn(window.index).map((c) => c.question.stem) }]
            : [],
        ),
        SHARES.firstVerification,
        SHARES.secondRound,
      );
    }
  } catch (error) {
    stop.abort(error);
    throw error;
  }

  const final = kept
    .slice(0, options.num_questions)
    .map((c) => c.question)
    .sort(lessonOrder);
  const questions = arrangeOptions(final, options.seed);
  const keptPerWindow = (index: number) => kept.filter((c) => c.window === index).length;
  const result: QuizResult = {
    questions,
    rejected,
    counts: {
      requested: options.num_questions,
      generated: generatedCount,
      rejected: rejected.length,
      kept: questions.length,
    },
    usage: { ...ledger.usage },
    model: options.model,
    prompt_version: options.prompt_version,
    request_id: requestIds.find((id) => id !== null) ?? null,
    seed: options.seed,
    rounds,
    windows: windows.map((w) => ({
      index: w.index,
      start: w.start,
      end: w.end,
      requested: requested.get(w.index) ?? 0,
      generated: generated.get(w.index) ?? 0,
      kept: keptPerWindow(w.index),
    })),
    timing: { wall_ms: Date.now() - started, model_ms: ledger.busyMs() },
    generated_at: new Date().toISOString(),
  };
  return result;
}
