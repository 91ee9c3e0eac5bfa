// `npm run bench:quiz [-- --minutes 60] [-- --questions 20] [-- --latency-ms 2000] [-- --runs 3] [-- --reads 200]`
// Issue 15's figures. A generated lesson-length transcript (no audio) goes through the real media service's quiz
// op (in-process, loopback) against the fake OpenAI (its own process) answering every model call after a fixed
// latency; the wall time is set against the critical path of the calls the fake recorded. Then, through the
// Worker (wrangler dev, the local stack), a stored quiz is read back repeatedly.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { QuizResult } from "../../container/src/protocol/quiz-contract";
import { postOp, startMediaService } from "../container/ai/service-client";
import { type LocalStack, startLocalStack } from "../stack/local-stack";
import { numberArg } from "./cli-args";
import { startFakeProcess } from "./fake-openai-process";
import { analyseCalls, type CallFigures } from "./quiz-model-calls";
import { json, projectApi, uploadSpokenLesson } from "./worker-api";

const minutes = numberArg("minutes", 60);
const questions = numberArg("questions", 20);
const latencyMs = numberArg("latency-ms", 2000);
const runs = numberArg("runs", 3);
const reads = numberArg("reads", 200);
const KEY = "sk-bench-quiz-not-a-real-key";
const ADMIN_KEY = "bench-quiz-admin";
const PROJECT = `bench-quiz-${Date.now()}`;
const work = mkdtempSync(path.join(os.tmpdir(), "bench-quiz-"));
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const msText = (value: number) => `${value.toFixed(1)} ms`;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

const SUBJECTS = [
  "Photosynthesis",
  "Gravity",
  "Erosion",
  "Evaporation",
  "Magnetism",
  "Friction",
  "Digestion",
  "Respiration",
  "Volcanism",
  "Condensation",
  "Pollination",
  "Fermentation",
  "Migration",
  "Oxidation",
  "Refraction",
  "Germination",
  "Circulation",
  "Sedimentation",
  "Combustion",
  "Metamorphosis",
  "Crystallisation",
  "Buoyancy",
  "Insulation",
  "Decomposition",
];
const VERBS = [
  "depends on",
  "slowly changes",
  "quietly shapes",
  "strongly affects",
  "gradually reduces",
  "often explains",
  "directly controls",
  "carefully balances",
  "repeatedly moves",
  "steadily warms",
  "partly protects",
  "visibly bends",
  "constantly feeds",
  "rarely breaks",
  "clearly measures",
  "naturally cools",
  "firmly anchors",
  "briefly lifts",
  "deeply marks",
  "silently spreads",
];
const OBJECTS = [
  "the mountain glaciers",
  "every flowering meadow",
  "the coastal wetlands",
  "our kitchen experiments",
  "the desert sandstone",
  "tropical rainforest canopies",
  "the northern tundra",
  "deep ocean trenches",
  "the classroom aquarium",
  "farmland irrigation channels",
  "river delta sediments",
  "the volcanic islands",
  "underground limestone caves",
  "alpine butterfly colonies",
  "the city rooftops",
  "migrating salmon rivers",
  "the school vegetable garden",
  "arctic pack ice",
  "savanna grasslands",
  "the laboratory thermometer",
  "coral reef ecosystems",
  "the prairie wildflowers",
  "ancient redwood forests",
  "granite cliff faces",
];

/** A lecture of distinct sentences, one every six seconds, each with long words the fake can ask about. */
function lecture(seconds: number) {
  const step = 6;
  return Array.from({ length: Math.floor(seconds / step) }, (_, i) => ({
    start: i * step,
    end: i * step + step - 0.5,
    text: `${SUBJECTS[i % SUBJECTS.length]} ${VERBS[(i * 7) % VERBS.length]} ${OBJECTS[(i * 11) % OBJECTS.length]} in example ${i + 1}.`,
  }));
}

const fake = await startFakeProcess(KEY);
let stack: LocalStack | undefined;
const api = (route: string, init?: RequestInit) => projectApi(stack!.apiUrl, PROJECT, ADMIN_KEY).api(route, init);

async function generationRun(transcript: string, service: Awaited<ReturnType<typeof startMediaService>>, seed: number) {
  await fake.reset();
  await fake.setLatency(latencyMs);
  const startedAt = Date.now();
  const started = performance.now();
  const { events } = await postOp(
    service,
    "quiz",
    {
      duration: minutes * 60,
      num_questions: questions,
      question_types: ["multiple_choice", "true_false"],
      language: "en",
      transcript_language: "en",
      seed,
    },
    { transcript },
  );
  const wallMs = performance.now() - started;
  const last = events.at(-1) as { type: string; data?: QuizResult };
  if (last.type !== "result" || !last.data) throw new Error(`quiz op failed: ${JSON.stringify(last)}`);
  return { wallMs, result: last.data, calls: analyseCalls(await fake.requests("chat"), startedAt) };
}

function report(run: number, f: { wallMs: number; result: QuizResult; calls: CallFigures }): string[] {
  const { counts, usage, timing } = f.result;
  const { calls } = f;
  const ratio = f.wallMs / calls.criticalMs;
  const firstCall = calls.stages[0]!.from;
  const gaps = calls.stages.slice(1).map((stage, i) => `${stage.name} sent ${s(stage.from - calls.stages[i]!.to)}`);
  return [
    `run ${run} (load ${os.loadavg()[0]!.toFixed(1)})`,
    `  wall ${s(f.wallMs)}  |  critical path ${s(calls.criticalMs)} (${calls.stages.map((st) => `${st.name} ${st.calls} call(s), longest ${s(st.longest)}`).join("; ")})  ->  ${ratio.toFixed(2)}x (target <= 1.30x: ${ratio <= 1.3 ? "met" : "MISSED"})`,
    `  model busy (union of calls) ${s(calls.busyMs)}; service's own figure ${s(timing.model_ms)} of ${s(timing.wall_ms)}`,
    `  where the rest goes: first call sent ${s(firstCall)} after the request; ${gaps.join(", ") || "no later stage"} after the stage before answered; result ${s(f.wallMs - calls.stages.at(-1)!.to)} after the last answer`,
    `  ${calls.calls} model calls (${usage.requests} by the service's count), ${usage.total_tokens} tokens; kept ${counts.kept} of ${counts.requested} (generated ${counts.generated}, rejected ${counts.rejected}, ${f.result.rounds} round(s))  ->  ${(calls.calls / counts.kept).toFixed(2)} calls and ${Math.round(usage.total_tokens / counts.kept)} tokens per kept question`,
  ];
}

type Job = { status: string; result: Record<string, unknown> | null; error_message: string | null };
async function finished(jobId: string): Promise<Job> {
  for (;;) {
    const job = await json<Job>(await api(`/jobs/${jobId}`), 200);
    if (!["queued", "running"].includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A spoken lesson uploaded through the Worker, quizzed by a real job, then its stored quiz read back `reads` times. */
async function cachedReads(): Promise<{ reads: number[]; quizId: string }> {
  await fake.reset();
  stack = await startLocalStack({
    port: 18_975,
    mediaPort: 18_976,
    persistTo: path.join(work, "state"),
    inheritOutput: process.argv.includes("--verbose"),
    env: { ADMIN_API_KEY: ADMIN_KEY, OPENAI_API_KEY: KEY, OPENAI_BASE_URL: fake.url, LOG_LEVEL: "WARNING" },
  });
  const asset = await uploadSpokenLesson(api, work);
  await finished(asset.ingest_job_id);
  const created = await json<{ id: string }>(
    await api("/jobs", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ job_type: "quiz_generation", payload: { asset_id: asset.asset_id, num_questions: 3 } }),
    }),
    202,
  );
  const job = await finished(created.id);
  if (job.status !== "completed") throw new Error(`quiz job ended ${job.status}: ${job.error_message}`);
  const quizId = String(job.result?.quiz_id);
  const route = `/quizzes/${quizId}`;
  for (let i = 0; i < 10; i++) await json(await api(route), 200);
  const times: number[] = [];
  for (let i = 0; i < reads; i++) {
    const started = performance.now();
    const quiz = await json<{ id: string; questions: unknown[] }>(await api(route), 200);
    times.push(performance.now() - started);
    if (quiz.id !== quizId || quiz.questions.length === 0) throw new Error("the stored quiz did not come back whole");
  }
  return { reads: times.sort((a, b) => a - b), quizId };
}

try {
  const transcript = path.join(work, "transcript.json");
  const segments = lecture(minutes * 60);
  writeFileSync(transcript, JSON.stringify({ segments }));
  const service = await startMediaService({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: fake.url, LOG_LEVEL: "WARNING" });
  const lines = [
    `Quiz benchmark: ${minutes}-minute generated transcript (${segments.length} segments), ${questions} questions, fake latency ${latencyMs} ms per model call, ${runs} run(s), ${os.cpus().length} cores`,
  ];
  const ratios: number[] = [];
  try {
    for (let run = 1; run <= runs; run++) {
      const figures = await generationRun(transcript, service, run);
      ratios.push(figures.wallMs / figures.calls.criticalMs);
      lines.push(...report(run, figures));
    }
  } finally {
    await service.close();
  }
  ratios.sort((a, b) => a - b);
  lines.push(
    `summary: wall / critical path best ${ratios[0]!.toFixed(2)}x, median ${quantile(ratios, 0.5).toFixed(2)}x (target <= 1.30x)`,
  );
  const { reads: times } = await cachedReads();
  const median = quantile(times, 0.5);
  lines.push(
    `cached quiz read  GET /projects/{id}/quizzes/{quiz_id} through the Worker (wrangler dev, load ${os.loadavg()[0]!.toFixed(1)})  ${reads} reads: median ${msText(median)}, p95 ${msText(quantile(times, 0.95))}, min ${msText(times[0]!)}, max ${msText(times.at(-1)!)}  ->  target < 20 ms ${median < 20 ? "met" : "MISSED"}`,
  );
  console.log(lines.join("\n"));
} finally {
  await stack?.stop();
  fake.stop();
  rmSync(work, { recursive: true, force: true });
}
