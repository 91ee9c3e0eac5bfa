import { env } from "cloudflare:test";
import { type StoredTranscript, saveTranscript } from "../../../worker/ai/transcript-store";
import { createDb } from "../../../worker/db/client";
import { type JobResponse, JobSchema } from "../../../worker/routes/jobs/schema";
import { type QuizResponse, QuizSchema } from "../../../worker/routes/quizzes/schema";
import { api, fakeRequests, projectWithVideo } from "../ai/ai-kit";
import { waitForJob } from "../jobs/job-test-kit";

export { api, projectWithVideo };

/** A lesson of 14 sentences over two minutes, each with a long word the fake can ask about. */
export const LESSON = [
  "Photosynthesis happens inside the leaves of green plants.",
  "Plants need sunlight, water and carbon dioxide to make sugar.",
  "The green pigment in leaves is called chlorophyll.",
  "Oxygen leaves the plant through tiny openings called stomata.",
  "Roots absorb water and minerals from the surrounding soil.",
  "Glucose is the sugar that photosynthesis produces.",
  "Animals depend on plants for oxygen and food.",
  "Without sunlight the process slows down and eventually stops.",
  "Chloroplasts are the organelles where photosynthesis happens.",
  "Carbon dioxide enters the leaf from the surrounding air.",
  "Deserts plants store water in their thick succulent stems.",
  "Farmers sometimes add fertiliser to help plants grow faster.",
  "Autumn leaves change colour when chlorophyll breaks down.",
  "Tomorrow we will measure oxygen bubbles from pondweed.",
];

export const SEGMENT_SECONDS = 9;

/** Stores a transcript of LESSON for the video, as the transcription job would have. */
export function seedLesson(projectId: string, assetId: string): Promise<StoredTranscript> {
  const segments = LESSON.map((text, index) => ({
    index,
    start: index * SEGMENT_SECONDS,
    end: (index + 1) * SEGMENT_SECONDS,
    duration: SEGMENT_SECONDS,
    text,
    language: "en",
  }));
  const requestId = `req_${crypto.randomUUID()}`;
  return saveTranscript(createDb(env.DB), {
    projectId,
    assetId,
    metadata: { job_id: "job-seed" },
    result: {
      text: LESSON.join(" "),
      language: "en",
      duration: LESSON.length * SEGMENT_SECONDS,
      segment_count: segments.length,
      segments,
      usage: { audio_seconds: LESSON.length * SEGMENT_SECONDS, requests: 1 },
      model: "whisper-1",
      request_id: requestId,
      request_ids: [requestId],
      chunks: [],
    },
  });
}

export const quizId = (job: { result: unknown }) => (job.result as { quiz_id: string }).quiz_id;

/** The chat requests whose prompt carries `marker` (a test's own directive block). */
export const quizChats = async (marker: string) =>
  (await fakeRequests("chat")).filter((r) => r.prompt?.includes(marker));

/** A unique directive block for the fake (test/fake-openai/quiz-prompt.ts), put in the request's focus. */
export const directives = (...words: string[]) => `[[fake-quiz ${[...words, crypto.randomUUID()].join(" ")}]]`;

export const postQuizJob = (projectId: string, payload: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  api(`/projects/${projectId}/jobs`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ job_type: "quiz_generation", payload, retry_delay_seconds: 0, ...extra }),
  });

export async function createQuizJob(
  projectId: string,
  payload: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Promise<JobResponse> {
  const res = await postQuizJob(projectId, payload, extra);
  if (res.status !== 202) throw new Error(`create quiz_generation failed: ${res.status} ${await res.text()}`);
  return JobSchema.parse(await res.json());
}

const terminal = (job: JobResponse) => ["completed", "failed", "cancelled"].includes(job.status);

export async function runQuizJob(
  projectId: string,
  payload: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Promise<JobResponse> {
  const created = await createQuizJob(projectId, payload, extra);
  return waitForJob(projectId, created.id, terminal, 60_000);
}

export async function getQuiz(projectId: string, quizId: string): Promise<QuizResponse> {
  const res = await api(`/projects/${projectId}/quizzes/${quizId}`);
  if (res.status !== 200) throw new Error(`GET quiz failed: ${res.status} ${await res.text()}`);
  return QuizSchema.parse(await res.json());
}

/** A project with a video, its seeded transcript and one generated quiz (verify on, no mistakes asked for). */
export async function projectWithQuiz(payload: Record<string, unknown> = {}) {
  const video = await projectWithVideo("video.mp4", "quiz");
  const transcript = await seedLesson(video.projectId, video.assetId);
  const job = await runQuizJob(video.projectId, {
    asset_id: video.assetId,
    num_questions: 4,
    question_types: ["multiple_choice", "true_false", "short_answer", "multiple_response"],
    ...payload,
  });
  if (job.status !== "completed") throw new Error(`quiz job ${job.status}: ${job.error_message}`);
  const quizId = (job.result as { quiz_id: string }).quiz_id;
  return { ...video, transcript, job, quizId, quiz: await getQuiz(video.projectId, quizId) };
}
