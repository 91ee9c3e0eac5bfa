// `npm run bench:attempts [-- --learners 500] [-- --questions 20] [-- --in-flight 50]`; `-- --floor`: see attempts-floor.ts
// Issue 16's figures. On the local stack (wrangler dev + the media service, the fake OpenAI in its own process),
// a spoken lesson is uploaded and quizzed, its questions replaced by `questions` multiple choice questions whose
// keys the benchmark knows, and the quiz published. Then `learners` learners, `in-flight` at a time, each mint a
// learner token, start an attempt, save every answer one by one and submit. The statistics read afterwards must
// count exactly the answers sent, and as many correct ones as the benchmark chose.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type LocalStack, startLocalStack } from "../stack/local-stack";
import { measureFloor } from "./attempts-floor";
import { numberArg } from "./cli-args";
import { startFakeProcess } from "./fake-openai-process";
import { json, projectApi, uploadSpokenLesson } from "./worker-api";

const learners = numberArg("learners", 500);
const questionCount = numberArg("questions", 20);
const inFlight = numberArg("in-flight", 50);
const floor = process.argv.includes("--floor");
const profile = process.argv.includes("--profile") ? process.argv[process.argv.indexOf("--profile") + 1] : undefined;
const INSPECTOR_PORT = 18_995;
const KEY = "sk-bench-attempts-not-a-real-key";
const ADMIN_KEY = "bench-attempts-admin";
const PROJECT = `bench-attempts-${Date.now()}`;
const work = mkdtempSync(path.join(os.tmpdir(), "bench-attempts-"));
const ms = (value: number) => `${value.toFixed(1)} ms`;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const body = (value: unknown, headers: Record<string, string> = {}) => ({
  headers: { "Content-Type": "application/json", ...headers },
  body: JSON.stringify(value),
});

const SYLLABLES = [
  "ka",
  "lo",
  "mi",
  "nu",
  "pe",
  "ra",
  "si",
  "to",
  "vu",
  "we",
  "xa",
  "yo",
  "zi",
  "bu",
  "de",
  "fo",
  "gi",
  "ha",
  "je",
  "qu",
];

let stack: LocalStack | undefined;
const fake = await startFakeProcess(KEY);
const api = (route: string, init?: RequestInit) => projectApi(stack!.apiUrl, PROJECT, ADMIN_KEY).api(route, init);

type Job = { status: string; result: Record<string, unknown> | null; error_message: string | null };
async function finished(jobId: string): Promise<Job> {
  for (;;) {
    const job = await json<Job>(await api(`/jobs/${jobId}`), 200);
    if (!["queued", "running"].includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A published quiz of `questionCount` four-option questions; returns its route and each question's id and key. */
async function publishedQuiz(): Promise<{ base: string; keys: { id: string; key: string; options: string[] }[] }> {
  const asset = await uploadSpokenLesson(api, work);
  await finished(asset.ingest_job_id);
  const created = await json<{ id: string }>(
    await api("/jobs", {
      method: "POST",
      ...body({ job_type: "quiz_generation", payload: { asset_id: asset.asset_id, num_questions: 3 } }),
    }),
    202,
  );
  const job = await finished(created.id);
  if (job.status !== "completed") throw new Error(`quiz job ended ${job.status}: ${job.error_message}`);
  const base = `/quizzes/${String(job.result?.quiz_id)}`;
  const generated = await json<{ questions: { id: string }[] }>(await api(base), 200);
  for (let n = 1; n <= questionCount; n++) {
    const options = ["red", "green", "blue", "yellow"].map((colour, i) => ({
      text: `${colour} ${n}`,
      correct: i === n % 4,
    }));
    // Made-up words, different in every stem: the duplicate check refuses stems that share most of their words.
    const words = Array.from(
      { length: 5 },
      (_, i) => `${SYLLABLES[n % 20]}${SYLLABLES[(n * 7 + i * 3) % 20]}${SYLLABLES[i + 1]}`,
    );
    const stem = `Which colour goes with ${words.join(" ")}?`;
    await json(
      await api(`${base}/questions`, { method: "POST", ...body({ type: "multiple_choice", stem, options }) }),
      201,
    );
  }
  for (const q of generated.questions) {
    const res = await api(`${base}/questions/${q.id}`, { method: "DELETE" });
    if (res.status !== 204) throw new Error(`delete question: ${res.status} ${await res.text()}`);
  }
  await json(await api(base, { method: "PATCH", ...body({ status: "published" }) }), 200);
  const quiz = await json<{ questions: { id: string; options: { id: string; correct: boolean }[] }[] }>(
    await api(base),
    200,
  );
  const keys = quiz.questions.map((q) => ({
    id: q.id,
    key: q.options.find((o) => o.correct)!.id,
    options: q.options.map((o) => o.id),
  }));
  return { base, keys };
}

/** Learner `index`'s token and a new attempt of theirs on the quiz at `base`. */
async function startLearner(base: string, index: number) {
  const minted = await json<{ token: string }>(
    await api(`${base}/learner-tokens`, { method: "POST", ...body({ learner_id: `learner-${index}` }) }),
    201,
  );
  const auth = { Authorization: `Bearer ${minted.token}` };
  const started = await json<{ attempt_id: string }>(
    await fetch(`${stack!.apiUrl}/projects/${PROJECT}${base}/attempts`, {
      method: "POST",
      ...body({}, { ...auth, "Idempotency-Key": `start-${index}` }),
    }),
    201,
  );
  return { token: minted.token, auth, started };
}

try {
  stack = await startLocalStack({
    port: 18_991,
    mediaPort: 18_993,
    inspectorPort: INSPECTOR_PORT,
    persistTo: path.join(work, "state"),
    inheritOutput: process.argv.includes("--verbose"),
    env: { ADMIN_API_KEY: ADMIN_KEY, OPENAI_API_KEY: KEY, OPENAI_BASE_URL: fake.url, LOG_LEVEL: "WARNING" },
  });
  const { base, keys } = await publishedQuiz();
  const apiUrl = `${stack.apiUrl}/projects/${PROJECT}${base}`;
  if (floor) {
    const lanes = await Promise.all(Array.from({ length: inFlight }, (_, index) => startLearner(base, index)));
    await measureFloor(
      {
        apiUrl: stack.apiUrl,
        quizUrl: apiUrl,
        lanes: lanes.map(({ token, started }) => ({ token, attemptId: started.attempt_id })),
        questions: keys,
        inspectorUrl: new URL(`ws://127.0.0.1:${INSPECTOR_PORT}`),
      },
      numberArg("requests", 5000),
      profile,
    );
  } else {
    const saves: number[] = [];
    const submits: number[] = [];
    const expectedCorrect = new Array<number>(keys.length).fill(0);
    let sent = 0;
    let failures = 0;

    async function learner(index: number) {
      const { auth, started } = await startLearner(base, index);
      for (const [k, q] of keys.entries()) {
        // Every third learner misses each question whose index shares its remainder; the rest answer right.
        const right = (index + k) % 3 !== 0;
        const choice = right ? q.key : q.options.find((id) => id !== q.key)!;
        const t = performance.now();
        const res = await fetch(`${apiUrl}/attempts/${started.attempt_id}/answers/${q.id}`, {
          method: "PUT",
          ...body({ option_ids: [choice] }, auth),
        });
        saves.push(performance.now() - t);
        if (res.status !== 204) {
          failures++;
          console.error(`save: ${res.status} ${await res.text()}`);
          continue;
        }
        sent++;
        if (right) expectedCorrect[k]!++;
      }
      const t = performance.now();
      const submitted = await fetch(`${apiUrl}/attempts/${started.attempt_id}/submit`, {
        method: "POST",
        headers: auth,
      });
      submits.push(performance.now() - t);
      if (submitted.status !== 200) {
        failures++;
        console.error(`submit: ${submitted.status} ${await submitted.text()}`);
      }
      await submitted.body?.cancel();
    }

    let next = 0;
    const startedAt = performance.now();
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < learners) await learner(next++);
      }),
    );
    const wallMs = performance.now() - startedAt;

    const statsTimes: number[] = [];
    type Stats = {
      attempts: number;
      questions: { question_id: string; correct: number; options: { chosen: number }[] }[];
    };
    let stats: Stats | undefined;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      stats = await json<Stats>(await api(`${base}/stats`), 200);
      statsTimes.push(performance.now() - t);
    }
    const counted = stats!.questions.reduce((sum, q) => sum + q.options.reduce((s, o) => s + o.chosen, 0), 0);
    const correctMatch = stats!.questions.every(
      (q, k) => q.question_id === keys[k]!.id && q.correct === expectedCorrect[k],
    );
    saves.sort((a, b) => a - b);
    submits.sort((a, b) => a - b);
    statsTimes.sort((a, b) => a - b);
    console.log(
      [
        `Attempts benchmark: ${learners} learners x ${keys.length} questions, ${inFlight} in flight, local stack (wrangler dev), ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`,
        `saves    ${saves.length}: p50 ${ms(quantile(saves, 0.5))}, p99 ${ms(quantile(saves, 0.99))}, max ${ms(saves.at(-1)!)}  ->  target p99 < 100 ms ${quantile(saves, 0.99) < 100 ? "met" : "MISSED"}`,
        `submits  ${submits.length}: p50 ${ms(quantile(submits, 0.5))}, p99 ${ms(quantile(submits, 0.99))}, max ${ms(submits.at(-1)!)}`,
        `throughput ${(learners / (wallMs / 1000)).toFixed(1)} attempts/s (${(wallMs / 1000).toFixed(1)} s for all, token + start + ${keys.length} saves + submit each); ${failures} failed requests`,
        `stats read (5 reads after all attempts): median ${ms(quantile(statsTimes, 0.5))}, max ${ms(statsTimes.at(-1)!)}  ->  target < 200 ms ${quantile(statsTimes, 0.5) < 200 ? "met" : "MISSED"}`,
        `answers: sent ${sent}, counted by the stats ${counted}, attempts ${stats!.attempts}/${learners}, correct per question as sent: ${correctMatch ? "yes" : "NO"}  ->  ${counted === sent && stats!.attempts === learners && correctMatch ? "no answer lost" : "ANSWERS LOST"}`,
      ].join("\n"),
    );
  }
} finally {
  await stack?.stop();
  fake.stop();
  rmSync(work, { recursive: true, force: true });
}
