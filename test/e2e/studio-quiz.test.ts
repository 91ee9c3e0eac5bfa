// Studio's quiz pages in a real browser (Debian's chromium through playwright-core) against the `npm run dev`
// stack with the fake OpenAI: generate a quiz for a transcribed spoken lesson and watch the job live, edit,
// reorder and delete questions, publish, export GIFT, then take the quiz in the learner preview.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse as parseGift } from "gift-pegjs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { AssetSchema } from "../../worker/routes/assets/schema";
import { JobSchema } from "../../worker/routes/jobs/schema";
import { type QuizResponse, QuizSchema } from "../../worker/routes/quizzes/schema";
import { type FakeOpenAI, startFakeOpenAI } from "../fake-openai/server";
import { makeSpeech, makeVideoWithAudio } from "../media/speech-video";
import { type LocalStack, startLocalStack } from "../stack/local-stack";
import { chromiumPath, launchChromium, screenshot, seriousAxeViolations } from "./studio/browser";

const ADMIN_KEY = "e2e-studio-quiz-admin-key";
const OPENAI_KEY = "sk-e2e-studio-quiz-fake-openai-key";
const PROJECT = `e2e-studio-quiz-${Date.now()}`;
const work = mkdtempSync(path.join(tmpdir(), "e2e-studio-quiz-"));
const executablePath = chromiumPath();
if (!executablePath)
  console.warn("Studio quiz browser tests NOT RUN: no chromium (apt-get install chromium, or set CHROMIUM_PATH)");

// Six spoken sentences: six transcript segments, so five questions fit and one more round can replace a reject.
const SENTENCES = [
  "Welcome to this short lesson about fractions.",
  "A fraction has a numerator and a denominator.",
  "The denominator says how many equal parts there are.",
  "The numerator says how many of those parts we take.",
  "Let us try an example together on the board.",
  "Always check your answer before you move on.",
];

let stack: LocalStack;
let fake: FakeOpenAI;
let browser: Browser;
let page: Page;
let assetId: string;
let quizId: string;

async function api(route: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${stack.apiUrl}/projects/${PROJECT}${route}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${ADMIN_KEY}`,
      ...(typeof init.body === "string" ? { "Content-Type": "application/json" } : {}),
    },
  });
}

async function finished(jobId: string) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const job = JobSchema.parse(await (await api(`/jobs/${jobId}`)).json());
    if (job.status === "completed") return job;
    if (job.status === "failed" || Date.now() > deadline) throw new Error(`job ${job.job_type}: ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const readQuiz = async (): Promise<QuizResponse> => QuizSchema.parse(await (await api(`/quizzes/${quizId}`)).json());

beforeAll(async () => {
  if (!executablePath) return;
  fake = await startFakeOpenAI({ port: 18_933, apiKey: OPENAI_KEY });
  const [started, video, launched] = await Promise.all([
    startLocalStack({
      port: 18_931,
      mediaPort: 18_932,
      persistTo: path.join(work, "state"),
      migratedD1From: inject("migratedD1"),
      env: { ADMIN_API_KEY: ADMIN_KEY, OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: fake.url, LOG_LEVEL: "WARNING" },
    }),
    makeSpeech(work, SENTENCES, 900).then((speech) => makeVideoWithAudio(work, speech, "lesson.mp4")),
    launchChromium(executablePath),
  ]);
  stack = started;
  browser = launched;
  page = await browser.newPage();

  // The lesson is uploaded and transcribed through the API: the UI under test starts at the quiz.
  const form = new FormData();
  form.append("file", new File([readFileSync(video)], "Fractions lesson.mp4", { type: "video/mp4" }));
  const uploaded = await api("/videos", { method: "POST", body: form });
  expect(uploaded.status).toBe(201);
  const asset = AssetSchema.parse(await uploaded.json());
  assetId = asset.asset_id;
  await finished(asset.ingest_job_id!);
  const transcription = await api("/jobs", {
    method: "POST",
    body: JSON.stringify({ job_type: "transcription", payload: { asset_id: assetId } }),
  });
  expect(transcription.status).toBe(202);
  await finished(JobSchema.parse(await transcription.json()).id);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await fake?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe.runIf(executablePath)("Studio quizzes", () => {
  it("generates a quiz for a video and shows its job live", async () => {
    await page.goto(`${stack.apiUrl}/studio`);
    await page.getByLabel("Project id").fill(PROJECT);
    await page.getByLabel("API key").fill(ADMIN_KEY);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Library" }).waitFor();
    // From the video's page, as a teacher would go.
    await page.evaluate((id) => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = `#/videos/${id}`;
    }, assetId);
    await page.getByRole("link", { name: "Quizzes of this video" }).click();
    // The video page is replaced, not kept under the quiz page.
    await page.getByRole("heading", { name: "Quizzes for Fractions lesson.mp4" }).waitFor();
    expect(await page.locator("main section").count()).toBe(1);
    await page.getByRole("heading", { name: "Quizzes for Fractions lesson.mp4" }).waitFor();

    await page.getByLabel("Number of questions").fill("5");
    // Directives for the fake: one invented quote for the checks to reject, and a slow enough job to watch.
    await page.getByLabel(/Focus/).fill("[[fake-quiz invented_quote delay_ms=1500]]");
    await page.getByRole("button", { name: "Generate" }).click();
    const progress = page.locator(".job-progress");
    await expect.poll(() => progress.getAttribute("data-status"), { timeout: 30_000 }).toBe("running");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "quiz-generating");
    await expect.poll(() => progress.getAttribute("data-status"), { timeout: 90_000 }).toBe("completed");
    expect(await progress.getByRole("progressbar").getAttribute("value")).toBe("100");

    const link = page.getByRole("link", { name: "Open the quiz editor" });
    quizId = decodeURIComponent((await link.getAttribute("href"))!.split("/").at(-1)!);
    await page.locator(`tr[data-quiz-id="${quizId}"]`).waitFor();
    await screenshot(page, "quizzes");
    await link.click();
  });

  it("shows each question with its evidence and checks, and the rejected one with its reasons", async () => {
    const quiz = await readQuiz();
    expect(quiz.rejected.length).toBeGreaterThan(0);
    expect(quiz.questions.length).toBeGreaterThanOrEqual(4);
    await page.getByRole("heading", { name: quiz.title }).waitFor();
    const kept = page.locator("ol.questions > li");
    await expect.poll(() => kept.count()).toBe(quiz.questions.length);
    const first = quiz.questions[0]!;
    const card = page.locator(`article[data-question-id="${first.id}"]`);
    expect(await card.locator("blockquote").textContent()).toBe(first.evidence!.quote);
    expect(await card.locator(".checks summary").textContent()).toContain(`of ${first.checks.length} passed`);
    const rejected = page.locator(`article[data-question-id="${quiz.rejected[0]!.id}"]`);
    expect(await rejected.locator(".reasons").textContent()).toContain(quiz.rejected[0]!.reasons[0]!.check);

    // Its moment plays in the lesson player, from the evidence's start, and stops at its end.
    const video = page.locator(".moment-player video");
    const time = () => video.evaluate((v) => (v as unknown as { currentTime: number }).currentTime);
    const paused = () => video.evaluate((v) => (v as unknown as { paused: boolean }).paused);
    await card.getByRole("button", { name: "Play moment of Question 1" }).click();
    await expect.poll(time, { timeout: 15_000 }).toBeGreaterThan(first.evidence!.start);
    await expect.poll(paused, { timeout: 30_000 }).toBe(true);
    expect(await time()).toBeGreaterThanOrEqual(first.evidence!.end);
    expect(await time()).toBeLessThan(first.evidence!.end + 1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "quiz-editor");
  });

  it("edits, reorders and deletes questions", async () => {
    const before = await readQuiz();
    const [first, second] = before.questions;
    const card = page.locator(`article[data-question-id="${first!.id}"]`);
    await card.getByRole("button", { name: "Edit question 1" }).click();
    await card.getByLabel("Question", { exact: true }).fill("Which word completes the edited sentence?");
    await card.getByLabel("Explanation").fill("Edited in Studio.");
    await card.getByRole("button", { name: "Save" }).click();
    await card.getByRole("heading", { name: /Which word completes the edited sentence\?/ }).waitFor();

    // An edit the API refuses (two identical options) is shown with its code, message and request id.
    const choice = before.questions.findIndex((q) => q.type === "multiple_choice");
    const mc = page.locator(`article[data-question-id="${before.questions[choice]!.id}"]`);
    await mc.getByRole("button", { name: `Edit question ${choice + 1}` }).click();
    await mc.getByLabel("Option 2", { exact: true }).fill(before.questions[choice]!.options[0]!.text);
    await mc.getByRole("button", { name: "Save" }).click();
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent()).toMatch(/\(422\)/);
    expect(await alert.textContent()).toMatch(/Request id: [0-9a-f-]{36}/);
    await mc.getByRole("button", { name: "Cancel" }).click();
    await alert.getByRole("button", { name: "Dismiss" }).click();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await card.getByRole("button", { name: "Move down question 1" }).click();
    await expect
      .poll(async () => (await readQuiz()).questions.map((q) => q.id).slice(0, 2))
      .toEqual([second!.id, first!.id]);
    await page.locator("ol.questions > li").first().locator(`[data-question-id="${second!.id}"]`).waitFor();

    const last = before.questions.at(-1)!;
    page.once("dialog", (dialog) => void dialog.accept());
    await page
      .locator(`article[data-question-id="${last.id}"]`)
      .getByRole("button", { name: `Delete question ${before.questions.length}` })
      .click();
    await page.locator(`article[data-question-id="${last.id}"]`).waitFor({ state: "detached" });

    const after = await readQuiz();
    expect(after.questions).toHaveLength(before.questions.length - 1);
    const edited = after.questions.find((q) => q.id === first!.id)!;
    expect(edited).toMatchObject({
      stem: "Which word completes the edited sentence?",
      explanation: "Edited in Studio.",
    });
    expect(edited.position).toBe(2);
  });

  it("publishes, and exports GIFT with every question", async () => {
    await page.getByRole("button", { name: "Publish" }).click();
    await expect.poll(() => page.getByTestId("quiz-status").textContent()).toBe("published");
    const quiz = await readQuiz();
    expect(quiz.status).toBe("published");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "GIFT", exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.gift\.txt$/);
    const file = path.join(work, "quiz.gift.txt");
    await download.saveAs(file);
    const parsed = parseGift(readFileSync(file, "utf8")).filter((q) => q.type !== "Category");
    expect(parsed).toHaveLength(quiz.questions.length);

    const [vtt] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "VTT", exact: true }).click(),
    ]);
    expect(vtt.suggestedFilename()).toMatch(/\.vtt$/);
    expect(readFileSync(await vtt.path(), "utf8").startsWith("WEBVTT")).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "quiz-published");
  });

  it("takes the quiz in the learner preview: pauses at each cue, scores, and offers the review moment", async () => {
    const quiz = await readQuiz();
    // Every question right but the second one met, which gets a wrong option.
    const wrongOne = 1;
    await page.getByRole("link", { name: "Preview as a learner" }).click();
    await page.getByRole("heading", { name: `Learner preview: ${quiz.title}` }).waitFor();
    expect(await page.locator(".moment-player").count()).toBe(0);
    await page.getByRole("button", { name: "Start the lesson" }).click();
    await page.locator("video.lesson").evaluate((video) => {
      (video as unknown as { playbackRate: number }).playbackRate = 2;
    });

    for (let met = 0; met < quiz.questions.length; met++) {
      const form = page.locator("form.cue-question");
      await form.waitFor({ timeout: 60_000 });
      expect(
        await page.locator("video.lesson").evaluate((video) => (video as unknown as { paused: boolean }).paused),
      ).toBe(true);
      const id = (await form.getAttribute("data-question-id"))!;
      const question = quiz.questions.find((q) => q.id === id)!;
      const pick = question.options.find((o) => o.correct === (met !== wrongOne))!;
      if (met === 0) {
        expect(await seriousAxeViolations(page)).toEqual([]);
        await screenshot(page, "learner-question");
      }
      await form.getByLabel(pick.text, { exact: true }).check();
      await form.getByRole("button", { name: "Answer and continue" }).click();
      await form.waitFor({ state: "detached" });
    }
    await page.getByRole("button", { name: "Submit answers" }).click();
    const right = quiz.questions.length - 1;
    await expect
      .poll(() => page.getByTestId("score").textContent())
      .toBe(
        `Score: ${right} of ${quiz.questions.length} (${Math.round((right / quiz.questions.length) * 1000) / 10}%)`,
      );

    const wrong = page.locator('.attempt-result li[data-correct="false"]');
    expect(await wrong.count()).toBe(1);
    const review = wrong.getByRole("button", { name: /Review the moment/ });
    const wrongId = (await wrong.getAttribute("data-question-id"))!;
    const evidence = quiz.questions.find((q) => q.id === wrongId)!.evidence!;
    const video = page.locator("video.lesson");
    const time = () => video.evaluate((v) => (v as unknown as { currentTime: number }).currentTime);
    const paused = () => video.evaluate((v) => (v as unknown as { paused: boolean }).paused);
    // The lesson has played to its end: the review seeks back into the wrong question's moment and plays it.
    await review.click();
    await expect.poll(time).toBeLessThan(evidence.end);
    expect(await time()).toBeGreaterThanOrEqual(evidence.start - 0.1);
    expect(await paused()).toBe(false);
    // ...and stops at the moment's end.
    await expect.poll(paused, { timeout: 30_000 }).toBe(true);
    expect(await time()).toBeGreaterThanOrEqual(evidence.end);
    expect(await time()).toBeLessThan(evidence.end + 1.5);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "learner-score");
  });
});
