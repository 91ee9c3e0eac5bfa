/**
 * Item statistics of a quiz, computed on read by D1 from sums (of credits, their squares and their products with
 * the rest of the attempt's score), so no attempt is ever loaded into the Worker. Every figure comes from one
 * batch (one transaction), so a submit landing meanwhile is counted everywhere or nowhere.
 */
import type { Database } from "../db/client";
import { type ItemSums, itemFlags, pointBiserial, type QuestionStats } from "./item-analysis";
import type { QuizVersion } from "./quiz-versions";

export const ALPHA_MIN_ATTEMPTS = 10;

export interface QuizStats {
  version: number | null;
  versions: number[];
  attempts: number;
  meanPercent: number | null;
  medianPercent: number | null;
  cronbachAlpha: number | null;
  questions: QuestionStats[];
}

type Row = Record<string, number | string | null>;
const num = (value: number | string | null | undefined) => (value === null || value === undefined ? 0 : Number(value));

// Plain SQL on the D1 binding: drizzle cannot batch raw statements, and these must share one transaction.
const SCOPE = "t.quiz_id = ?1 AND t.status = 'submitted' AND (?2 IS NULL OR t.version = ?2)";
const ANSWERS = "quiz_attempt_answers a JOIN quiz_attempts t ON t.id = a.attempt_id";
const STATEMENTS = [
  `SELECT a.question_id AS question_id, COUNT(*) AS n, SUM(a.credit = 1) AS correct, SUM(a.credit) AS sx,
     SUM(a.credit * a.credit) AS sxx, SUM(t.score - a.credit) AS sr,
     SUM((t.score - a.credit) * (t.score - a.credit)) AS srr, SUM(a.credit * (t.score - a.credit)) AS sxr
   FROM ${ANSWERS} WHERE ${SCOPE} GROUP BY a.question_id`,
  `SELECT a.question_id AS question_id, j.value AS option_id, COUNT(*) AS chosen
   FROM ${ANSWERS}, json_each(a.option_ids) j
   WHERE ${SCOPE} AND a.option_ids IS NOT NULL GROUP BY a.question_id, j.value`,
  `SELECT COUNT(*) AS n, AVG(t.percent) AS mean, SUM(t.score) AS st, SUM(t.score * t.score) AS stt
   FROM quiz_attempts t WHERE ${SCOPE}`,
  `SELECT AVG(percent) AS median FROM (
     SELECT t.percent AS percent FROM quiz_attempts t WHERE ${SCOPE} ORDER BY t.percent
     LIMIT 2 - (SELECT COUNT(*) FROM quiz_attempts t WHERE ${SCOPE}) % 2
     OFFSET ((SELECT COUNT(*) FROM quiz_attempts t WHERE ${SCOPE}) - 1) / 2)`,
  `SELECT DISTINCT t.version AS version FROM quiz_attempts t WHERE ${SCOPE} ORDER BY t.version`,
];

export async function quizStats(
  db: Database,
  quizId: string,
  version: number | null,
  described: QuizVersion,
): Promise<QuizStats> {
  const d1 = db.$client;
  const results = await d1.batch<Row>(STATEMENTS.map((statement) => d1.prepare(statement).bind(quizId, version)));
  const [items, choices, totals, median, versions] = results.map((r) => r.results) as [
    Row[],
    Row[],
    Row[],
    Row[],
    Row[],
  ];
  const n = num(totals[0]?.n);
  const sums = new Map(items.map((r) => [String(r.question_id), r]));
  const chosen = new Map(choices.map((r) => [`${r.question_id}\u0000${r.option_id}`, num(r.chosen)]));
  const questions = described.questions.map((q): QuestionStats => {
    const row = sums.get(q.id);
    const s: ItemSums = {
      n: num(row?.n),
      correct: num(row?.correct),
      sx: num(row?.sx),
      sxx: num(row?.sxx),
      sr: num(row?.sr),
      srr: num(row?.srr),
      sxr: num(row?.sxr),
    };
    const options = q.options.map((o) => ({
      option_id: o.id,
      text: o.text,
      correct: o.correct,
      chosen: chosen.get(`${q.id}\u0000${o.id}`) ?? 0,
    }));
    const difficulty = s.n > 0 ? s.sx / s.n : null;
    const discrimination = pointBiserial(s);
    return {
      question_id: q.id,
      position: q.position,
      type: q.type,
      stem: q.stem,
      attempts: s.n,
      correct: s.correct,
      difficulty,
      discrimination,
      options,
      flags: itemFlags({ n: s.n, difficulty, discrimination, options }),
      sums: s,
    };
  });
  const versionList = versions.map((r) => num(r.version));
  return {
    version,
    versions: versionList,
    attempts: n,
    meanPercent: n > 0 ? num(totals[0]?.mean) : null,
    medianPercent: n > 0 ? num(median[0]?.median) : null,
    cronbachAlpha:
      versionList.length === 1 && n >= ALPHA_MIN_ATTEMPTS
        ? cronbachAlpha(n, num(totals[0]?.st), num(totals[0]?.stt), questions)
        : null,
    questions,
  };
}

/** k/(k-1) (1 - sum of item variances / variance of totals), population variances from the sums. */
function cronbachAlpha(n: number, st: number, stt: number, questions: QuestionStats[]): number | null {
  const k = questions.length;
  const totalVariance = stt / n - (st / n) ** 2;
  if (k < 2 || totalVariance <= 0) return null;
  const itemVariance = questions.reduce((sum, q) => sum + (q.sums.sxx / n - (q.sums.sx / n) ** 2), 0);
  return (k / (k - 1)) * (1 - itemVariance / totalVariance);
}
