import { describe, expect, it } from "vitest";
import { api, json, learnerQuiz } from "./learner-kit";

interface Stats {
  attempts: number;
  mean_percent: number | null;
  median_percent: number | null;
  cronbach_alpha: number | null;
  versions: number[];
  questions: {
    question_id: string;
    attempts: number;
    correct: number;
    difficulty: number | null;
    discrimination: number | null;
    options: { option_id: string; chosen: number }[];
    flags: string[];
  }[];
}

// Per learner, the answers to the five questions of learner-kit's QUESTIONS and the credit each earns there
// (MC key o2; TF key o1; MR keys o1-o3 of five; short answers "chlorophyll" and "water"; null = unanswered).
type Answer = { option_ids: string[] } | { text: string } | null;
const RIGHT: Answer[] = [
  { option_ids: ["o2"] },
  { option_ids: ["o1"] },
  { option_ids: ["o1", "o2", "o3"] },
  { text: "chlorophyll" },
  { text: "water" },
];
const PATTERNS: { answers: Answer[]; credits: number[] }[] = [
  { answers: RIGHT, credits: [1, 1, 1, 1, 1] },
  { answers: RIGHT, credits: [1, 1, 1, 1, 1] },
  {
    answers: [RIGHT[0]!, RIGHT[1]!, { option_ids: ["o1", "o2"] }, RIGHT[3]!, { text: "wattr" }],
    credits: [1, 1, 2 / 3, 1, 0],
  },
  {
    answers: [RIGHT[0]!, { option_ids: ["o2"] }, { option_ids: ["o1", "o4"] }, { text: "clorophyll" }, RIGHT[4]!],
    credits: [1, 0, 0, 1, 1],
  },
  {
    answers: [{ option_ids: ["o1"] }, RIGHT[1]!, { option_ids: ["o1", "o2", "o3", "o5"] }, { text: "leaf" }, RIGHT[4]!],
    credits: [0, 1, 2 / 3, 0, 1],
  },
  { answers: [RIGHT[0]!, RIGHT[1]!, RIGHT[2]!, null, null], credits: [1, 1, 1, 0, 0] },
  {
    answers: [
      { option_ids: ["o3"] },
      { option_ids: ["o2"] },
      { option_ids: ["o4", "o5"] },
      { text: "sugar" },
      RIGHT[4]!,
    ],
    credits: [0, 0, 0, 0, 1],
  },
  {
    answers: [RIGHT[0]!, RIGHT[1]!, { option_ids: ["o2"] }, RIGHT[3]!, { text: "Water." }],
    credits: [1, 1, 1 / 3, 1, 1],
  },
  {
    answers: [{ option_ids: ["o1"] }, RIGHT[1]!, RIGHT[2]!, { text: "Chlorophyll" }, { text: "soil" }],
    credits: [0, 1, 1, 1, 0],
  },
  {
    answers: [RIGHT[0]!, { option_ids: ["o2"] }, { option_ids: ["o1", "o2", "o4"] }, null, RIGHT[4]!],
    credits: [1, 0, 1 / 3, 0, 1],
  },
  { answers: [null, RIGHT[1]!, null, null, null], credits: [0, 1, 0, 0, 0] },
  { answers: [RIGHT[0]!, RIGHT[1]!, RIGHT[2]!, RIGHT[3]!, { text: "minerals" }], credits: [1, 1, 1, 1, 0] },
];

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: number[]) => mean(xs.map((x) => (x - mean(xs)) ** 2));
function pearson(xs: number[], ys: number[]) {
  const mx = mean(xs);
  const my = mean(ys);
  const cov = xs.reduce((sum, x, i) => sum + (x - mx) * (ys[i]! - my), 0);
  const sx = Math.sqrt(xs.reduce((sum, x) => sum + (x - mx) ** 2, 0));
  const sy = Math.sqrt(ys.reduce((sum, y) => sum + (y - my) ** 2, 0));
  return cov / (sx * sy);
}
function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

describe("quiz statistics", { timeout: 90_000 }, () => {
  it("difficulty, point-biserial, option counts, flags, mean/median and Cronbach's alpha match an independent computation", async () => {
    const { base, questionIds: q } = await learnerQuiz();
    // All learners at once: answers and submits interleave, as in a class.
    await Promise.all(
      PATTERNS.map(async (pattern, i) => {
        const started = await api(`${base}/attempts`, json("POST", { learner_id: `stat-${i}` }));
        const { attempt_id: id } = (await started.json()) as { attempt_id: string };
        await Promise.all(
          pattern.answers.map(async (answer, k) => {
            if (!answer) return;
            const res = await api(`${base}/attempts/${id}/answers/${q[k]}`, json("PUT", answer));
            expect(res.status).toBe(204);
          }),
        );
        const submitted = await api(`${base}/attempts/${id}/submit`, { method: "POST" });
        const result = (await submitted.json()) as { results: { credit: number }[] };
        result.results.forEach((r, k) => {
          expect(r.credit, `learner ${i} question ${k}`).toBeCloseTo(pattern.credits[k]!, 10);
        });
      }),
    );
    // An attempt in progress counts nowhere.
    const open = await api(`${base}/attempts`, json("POST", { learner_id: "stat-open" }));
    const { attempt_id: openId } = (await open.json()) as { attempt_id: string };
    await api(`${base}/attempts/${openId}/answers/${q[0]}`, json("PUT", { option_ids: ["o4"] }));

    const res = await api(`${base}/stats`);
    expect(res.status).toBe(200);
    const stats = (await res.json()) as Stats;
    const totals = PATTERNS.map((p) => p.credits.reduce((a, b) => a + b, 0));
    const percents = totals.map((t) => (t / 5) * 100);
    expect(stats.attempts).toBe(PATTERNS.length);
    expect(stats.versions).toEqual([1]);
    expect(stats.mean_percent).toBeCloseTo(mean(percents), 8);
    expect(stats.median_percent).toBeCloseTo(median(percents), 8);

    const items = q.map((_, k) => PATTERNS.map((p) => p.credits[k]!));
    const alpha = (5 / 4) * (1 - items.reduce((sum, xs) => sum + variance(xs), 0) / variance(totals));
    expect(stats.cronbach_alpha).toBeCloseTo(alpha, 8);

    stats.questions.forEach((item, k) => {
      const xs = items[k]!;
      const rest = totals.map((t, i) => t - xs[i]!);
      expect(item.question_id).toBe(q[k]);
      expect(item.attempts).toBe(PATTERNS.length);
      expect(item.correct).toBe(xs.filter((x) => x === 1).length);
      expect(item.difficulty).toBeCloseTo(mean(xs), 10);
      expect(item.discrimination, `question ${k}`).toBeCloseTo(pearson(xs, rest), 8);
    });
    const chosen = (k: number) => Object.fromEntries(stats.questions[k]!.options.map((o) => [o.option_id, o.chosen]));
    const counted = (k: number, ids: string[]) =>
      Object.fromEntries(
        ids.map((id) => [
          id,
          PATTERNS.filter((p) => {
            const answer = p.answers[k];
            return answer && "option_ids" in answer && answer.option_ids.includes(id);
          }).length,
        ]),
      );
    expect(chosen(0)).toEqual(counted(0, ["o1", "o2", "o3", "o4"]));
    expect(chosen(0).o4).toBe(0);
    expect(chosen(1)).toEqual(counted(1, ["o1", "o2"]));
    expect(chosen(2)).toEqual(counted(2, ["o1", "o2", "o3", "o4", "o5"]));
    expect(stats.questions[0]!.flags).toContain("distractor_never_chosen");
    expect(stats.questions[3]!.options).toEqual([]);
    // Checked against the same numbers: the flags follow the thresholds.
    stats.questions.forEach((item) => {
      expect(item.flags.includes("too_easy")).toBe(item.difficulty! > 0.9);
      expect(item.flags.includes("too_hard")).toBe(item.difficulty! < 0.2);
      expect(item.flags.includes("negative_discrimination")).toBe(item.discrimination! < 0);
    });
  });

  it("flags a question everyone gets right, one nobody does, and one the weaker learners get right", async () => {
    const { base, questionIds: q } = await learnerQuiz();
    // q0 always right (too easy); q1 always wrong (too hard); q2 right only for the learners who miss the rest.
    for (let i = 0; i < 10; i++) {
      const strong = i < 6;
      const { attempt_id: id } = (await (
        await api(`${base}/attempts`, json("POST", { learner_id: `f-${i}` }))
      ).json()) as {
        attempt_id: string;
      };
      const answers: [number, unknown][] = [
        [0, { option_ids: ["o2"] }],
        [1, { option_ids: ["o2"] }],
        [2, strong ? { option_ids: ["o4"] } : { option_ids: ["o1", "o2", "o3"] }],
        [3, { text: strong ? "chlorophyll" : "no idea" }],
        [4, { text: strong ? "water" : "stones" }],
      ];
      for (const [k, answer] of answers) await api(`${base}/attempts/${id}/answers/${q[k]}`, json("PUT", answer));
      expect((await api(`${base}/attempts/${id}/submit`, { method: "POST" })).status).toBe(200);
    }
    const stats = (await (await api(`${base}/stats?version=1`)).json()) as Stats;
    expect(stats.questions[0]!.flags).toEqual(expect.arrayContaining(["too_easy", "distractor_never_chosen"]));
    expect(stats.questions[0]!.discrimination).toBeNull();
    expect(stats.questions[1]!.flags).toContain("too_hard");
    expect(stats.questions[2]!.flags).toContain("negative_discrimination");
    expect(stats.questions[2]!.discrimination).toBeCloseTo(-1, 8);
    expect(stats.questions[3]!.flags).toEqual([]);
  });
});
