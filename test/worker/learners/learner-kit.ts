import { env } from "cloudflare:test";
import type { z } from "zod";
import { CURRENT_QUIZ_PROMPT_VERSION } from "../../../container/src/ai/quiz/prompt";
import type { QuestionDraft } from "../../../container/src/quiz/question";
import { createDb } from "../../../worker/db/client";
import type { QuizParameters } from "../../../worker/quizzes/quiz-parameters";
import { saveGeneratedQuiz } from "../../../worker/quizzes/quiz-store";
import {
  type AttemptResultSchema,
  AttemptStartSchema,
  LearnerTokenSchema,
} from "../../../worker/routes/learners/schema";
import { api, projectWithVideo, seedLesson } from "../quizzes/quiz-kit";

export { api };

const evidence = (segment: number) => ({
  segment_indices: [segment],
  start: segment * 9,
  end: (segment + 1) * 9,
  quote: "",
});

const draft = (fields: Partial<QuestionDraft> & Pick<QuestionDraft, "type" | "stem">): QuestionDraft => ({
  options: [],
  accepted_answers: [],
  explanation: `Because the lesson says so (${fields.stem})`,
  difficulty: "easy",
  bloom_level: "remember",
  evidence: null,
  checks: [],
  ...fields,
});

const option = (id: string, text: string, correct = false) => ({ id, text, correct });

/** One question of each type, keys known: q[0] MC (o2), q[1] TF (o1), q[2] MR (o1,o2,o3 of 5), q[3]/q[4] short. */
export const QUESTIONS: QuestionDraft[] = [
  draft({
    type: "multiple_choice",
    stem: "Which gas enters the leaf from the air?",
    options: [
      option("o1", "Oxygen"),
      option("o2", "Carbon dioxide", true),
      option("o3", "Nitrogen"),
      option("o4", "Helium"),
    ],
    evidence: evidence(9),
  }),
  draft({
    type: "true_false",
    stem: "The green pigment in leaves is chlorophyll.",
    options: [option("o1", "True", true), option("o2", "False")],
    evidence: evidence(2),
  }),
  draft({
    type: "multiple_response",
    stem: "What do plants need to make sugar?",
    options: [
      option("o1", "Sunlight", true),
      option("o2", "Water", true),
      option("o3", "Carbon dioxide", true),
      option("o4", "Salt"),
      option("o5", "Sand"),
    ],
    evidence: evidence(1),
  }),
  draft({
    type: "short_answer",
    stem: "Name the green pigment in leaves.",
    accepted_answers: ["Chlorophyll"],
    evidence: evidence(2),
  }),
  draft({ type: "short_answer", stem: "What do roots absorb from the soil?", accepted_answers: ["water"] }),
];

const PARAMETERS: QuizParameters = {
  num_questions: QUESTIONS.length,
  question_types: ["multiple_choice", "true_false", "multiple_response", "short_answer"],
  difficulty: "mixed",
  language: "en",
  focus: null,
  audience: null,
  range: null,
  scene_id: null,
  verify: false,
};

/** A project with a video, its lesson transcript and a quiz of QUESTIONS stored as a generation would; published unless told. */
export async function learnerQuiz(
  options: { publish?: boolean; questions?: QuestionDraft[]; projectId?: string } = {},
) {
  const video = await projectWithVideo("video.mp4", "learn", options.projectId);
  const transcript = await seedLesson(video.projectId, video.assetId);
  const questions = options.questions ?? QUESTIONS;
  const quiz = await saveGeneratedQuiz(createDb(env.DB), {
    projectId: video.projectId,
    assetId: video.assetId,
    transcriptId: transcript.id,
    jobId: "job-seed",
    cacheKey: crypto.randomUUID(),
    title: "Photosynthesis",
    parameters: PARAMETERS,
    force: false,
    result: {
      questions,
      rejected: [],
      counts: { requested: questions.length, generated: questions.length, rejected: 0, kept: questions.length },
      usage: { total_tokens: 0, prompt_tokens: 0, completion_tokens: 0, requests: 0 },
      model: "gpt-test",
      prompt_version: CURRENT_QUIZ_PROMPT_VERSION,
      request_id: null,
      seed: 7,
      rounds: 1,
      windows: [],
      timing: { wall_ms: 0, model_ms: 0 },
      generated_at: new Date().toISOString(),
    },
  });
  const base = `/projects/${video.projectId}/quizzes/${quiz.id}`;
  if (options.publish !== false) await publish(base);
  const ids = (await (await api(base)).json()) as { questions: { id: string }[] };
  return { ...video, quizId: quiz.id, base, questionIds: ids.questions.map((q) => q.id) };
}

export const json = (method: string, value: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { "Content-Type": "application/json", ...headers },
  body: JSON.stringify(value),
});

export async function publish(base: string) {
  const res = await api(base, json("PATCH", { status: "published" }));
  if (res.status !== 200) throw new Error(`publish failed: ${res.status} ${await res.text()}`);
}

export async function mintLearnerToken(base: string, learnerId: string, expiresIn?: number) {
  const res = await api(`${base}/learner-tokens`, json("POST", { learner_id: learnerId, expires_in: expiresIn }));
  if (res.status !== 201) throw new Error(`learner token failed: ${res.status} ${await res.text()}`);
  return LearnerTokenSchema.parse(await res.json()).token;
}

/** A request as a learner app makes it: the learner token as the bearer, no project key. */
export const asLearner = (token: string, path: string, init: RequestInit = {}) =>
  api(path, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } });

export async function startAttempt(token: string, base: string, headers: Record<string, string> = {}) {
  const res = await asLearner(token, `${base}/attempts`, json("POST", {}, headers));
  if (res.status !== 201 && res.status !== 200) throw new Error(`start failed: ${res.status} ${await res.text()}`);
  return AttemptStartSchema.parse(await res.json());
}

export type AttemptResult = z.infer<typeof AttemptResultSchema>;
