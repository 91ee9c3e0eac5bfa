// Studio's video page in a real browser (Debian's chromium through playwright-core) against the `npm run dev`
// stack with the fake OpenAI: a spoken lesson dropped on the library plays on its page (Range reads with a
// stream token), its jobs run live, a transcript line seeks the player, scenes and storyboard show, VTT downloads.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { SceneRunSchema, TranscriptSchema } from "../../worker/routes/ai/schema";
import { type FakeOpenAI, startFakeOpenAI } from "../fake-openai/server";
import { makeSpeech, makeVideoWithAudio } from "../media/speech-video";
import { type LocalStack, startLocalStack } from "../stack/local-stack";
import { chromiumPath, launchChromium, screenshot, seriousAxeViolations } from "./studio/browser";
import { dropFile } from "./studio/drop-file";

const ADMIN_KEY = "e2e-studio-video-admin-key";
const OPENAI_KEY = "sk-e2e-studio-video-fake-openai-key";
const PROJECT = `e2e-studio-video-${Date.now()}`;
const FILE_NAME = "Spoken lesson.mp4";
const work = mkdtempSync(path.join(tmpdir(), "e2e-studio-video-"));
const executablePath = chromiumPath();
if (!executablePath)
  console.warn("Studio video browser tests NOT RUN: no chromium (apt-get install chromium, or set CHROMIUM_PATH)");

/** The page's <video>, for code evaluated in the page (the tests are typed without the DOM library). */
type VideoElement = { currentTime: number; readyState: number; duration: number; paused: boolean };
type Window = { __jobStates: string[] };

let stack: LocalStack;
let fake: FakeOpenAI;
let browser: Browser;
let page: Page;
let lesson: string;
let assetId: string;
/** Every media read the page made, as "status path?query". */
const mediaReads: string[] = [];

beforeAll(async () => {
  if (!executablePath) return;
  fake = await startFakeOpenAI({ port: 19_023, apiKey: OPENAI_KEY });
  const [started, file, launched] = await Promise.all([
    startLocalStack({
      port: 19_021,
      mediaPort: 19_022,
      persistTo: path.join(work, "state"),
      migratedD1From: inject("migratedD1"),
      env: { ADMIN_API_KEY: ADMIN_KEY, OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: fake.url, LOG_LEVEL: "WARNING" },
    }),
    makeSpeech(work).then((speech) => makeVideoWithAudio(work, speech, "lesson.mp4")),
    launchChromium(executablePath),
  ]);
  stack = started;
  lesson = file;
  browser = launched;
  page = await browser.newPage({ acceptDownloads: true });
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (/\/videos\/[^/]+\/(content|storyboard\/sprite|thumbnail)$/.test(url.pathname)) {
      mediaReads.push(`${response.status()} ${url.pathname}${url.search}`);
    }
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await fake?.stop();
  rmSync(work, { recursive: true, force: true });
});

const jobRow = (type: string) => page.locator(`.asset-jobs li[data-job-type="${type}"]`);
const video = () => page.locator("video");
const currentTime = () => video().evaluate((v) => (v as unknown as VideoElement).currentTime);

/** Records every state the video's job rows show, from now on, in the page (polled faster than jobs change). */
async function recordJobStates() {
  await page.evaluate(`(() => {
    window.__jobStates = [];
    setInterval(() => {
      for (const row of document.querySelectorAll(".asset-jobs li")) {
        const state = row.dataset.jobType + ":" + row.dataset.status + ":" + row.querySelector(".status").textContent;
        if (window.__jobStates.at(-1) !== state && !window.__jobStates.includes(state)) window.__jobStates.push(state);
      }
    }, 50);
  })()`);
}
const jobStates = () => page.evaluate(() => (globalThis as unknown as Window).__jobStates);

describe.runIf(executablePath)("Studio video page", () => {
  it("opens a video dropped on the library; its ingest finishes live and the player reads it by Range", async () => {
    await page.goto(`${stack.apiUrl}/studio`);
    await page.getByLabel("Project id").fill(PROJECT);
    await page.getByLabel("API key").fill(ADMIN_KEY);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Library" }).waitFor();

    await dropFile(page, lesson, FILE_NAME);
    await page.locator(`[data-upload="${FILE_NAME}"][data-state="done"]`).waitFor({ timeout: 30_000 });
    await page.getByRole("link", { name: FILE_NAME }).click();
    await page.getByRole("heading", { name: FILE_NAME }).waitFor();
    await recordJobStates();
    assetId = decodeURIComponent(page.url().split("#/videos/")[1]!);
    expect(assetId).toMatch(/^[0-9a-f-]{36}$/);

    await expect.poll(() => jobRow("ingest").getAttribute("data-status"), { timeout: 60_000 }).toBe("completed");
    // The page followed the asset to ready without a reload: transcription can start now.
    await expect.poll(() => page.getByRole("button", { name: "Start transcription" }).isEnabled()).toBe(true);
    console.log(`ingest states seen on the page: ${(await jobStates()).join(", ")}`);

    // The player loaded the video through the content route with a stream token, and can seek (Range reads).
    await expect
      .poll(() => video().evaluate((v) => (v as unknown as VideoElement).readyState), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(1);
    const duration = await video().evaluate((v) => (v as unknown as VideoElement).duration);
    expect(duration).toBeGreaterThan(5);
    const contentReads = mediaReads.filter((read) => read.includes("/content?access_token="));
    expect(contentReads.length).toBeGreaterThan(0);
    for (const read of contentReads) expect(read).toMatch(/^20[06] /);
    // Never the API key in a URL.
    for (const read of mediaReads) expect(read).not.toContain(ADMIN_KEY);
  });

  it("starts transcription from the page and shows it run live; a transcript line seeks the player", async () => {
    // Each Whisper chunk answers after 800 ms, so the page sees the job run rather than only its end.
    fake.control.setLatency(800);
    await page.getByRole("button", { name: "Start transcription" }).click();
    await expect.poll(() => jobRow("transcription").getAttribute("data-status"), { timeout: 90_000 }).toBe("completed");
    fake.control.setLatency(0);
    const states = await jobStates();
    console.log(
      `transcription states seen on the page: ${states.filter((s) => s.startsWith("transcription")).join(", ")}`,
    );
    expect(states.some((state) => /^transcription:(queued|running):/.test(state))).toBe(true);

    // The transcript arrived by itself once the job completed, one line per segment of the API's transcript.
    const lines = page.locator(".segments li");
    await lines.first().waitFor({ timeout: 30_000 });
    const transcript = TranscriptSchema.parse(
      await (
        await fetch(`${stack.apiUrl}/projects/${PROJECT}/videos/${assetId}/ai/transcript`, {
          headers: { Authorization: `Bearer ${ADMIN_KEY}` },
        })
      ).json(),
    );
    expect(await lines.count()).toBe(transcript.segment_count);
    expect(transcript.segment_count).toBeGreaterThanOrEqual(2);

    for (const index of [2, 1]) {
      const line = lines.nth(index);
      const start = Number(await line.getAttribute("data-start"));
      expect(start).toBe(transcript.segments[index]!.start);
      await line.getByRole("button").click();
      await expect.poll(async () => Math.abs((await currentTime()) - start)).toBeLessThanOrEqual(0.25);
    }
    expect(await page.locator(".segments li.current").getAttribute("data-start")).toBe(
      String(transcript.segments[1]!.start),
    );
  });

  it("finds scenes from the page; a scene on the timeline plays as a moment; the storyboard strip seeks; VTT downloads", async () => {
    await page.getByRole("button", { name: "Find scenes" }).click();
    await expect
      .poll(() => jobRow("scene_detection").getAttribute("data-status"), { timeout: 90_000 })
      .toBe("completed");
    const scenes = page.locator(".timeline .scene");
    await scenes.first().waitFor({ timeout: 30_000 });
    const run = SceneRunSchema.parse(
      await (
        await fetch(`${stack.apiUrl}/projects/${PROJECT}/videos/${assetId}/ai/scenes`, {
          headers: { Authorization: `Bearer ${ADMIN_KEY}` },
        })
      ).json(),
    );
    expect(await scenes.count()).toBe(run.scenes.length);
    // A scene plays as a moment: from its start, pausing at its end.
    const scene = run.scenes[0]!;
    const first = scenes.first();
    expect(await first.getAttribute("aria-label")).toMatch(/^Play scene .+, \d+:\d{2} to \d+:\d{2}$/);
    await first.click();
    await expect.poll(() => video().evaluate((v) => (v as unknown as VideoElement).paused)).toBe(false);
    await expect.poll(() => first.getAttribute("class")).toBe("scene current");
    await expect
      .poll(() => video().evaluate((v) => (v as unknown as VideoElement).paused), { timeout: 30_000 })
      .toBe(true);
    expect(Math.abs((await currentTime()) - scene.end)).toBeLessThanOrEqual(0.5);

    // The storyboard: frames from the sprite (read with the stream token), each seeking to its time.
    const tiles = page.locator(".strip .tile");
    await tiles.first().waitFor();
    expect(await tiles.count()).toBeGreaterThan(1);
    await expect
      .poll(() => mediaReads.some((read) => /^200 .*\/storyboard\/sprite\?access_token=/.test(read)))
      .toBe(true);
    const tile = tiles.nth(1);
    await tile.hover();
    await expect.poll(() => page.locator(".storyboard-preview figcaption").textContent()).not.toBe("0:00");
    await tile.click();
    const map = (await (
      await fetch(`${stack.apiUrl}/projects/${PROJECT}/videos/${assetId}/storyboard`, {
        headers: { Authorization: `Bearer ${ADMIN_KEY}` },
      })
    ).json()) as { tiles: { start: number }[] };
    await expect.poll(async () => Math.abs((await currentTime()) - map.tiles[1]!.start)).toBeLessThanOrEqual(0.25);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download VTT" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${assetId}.vtt`);
    const vtt = readFileSync((await download.path())!, "utf8");
    expect(vtt).toMatch(/^WEBVTT\n\n\d{2}:\d{2}:\d{2}\.\d{3} --> /);
    expect(vtt.match(/ --> /g)?.length).toBe(await page.locator(".segments li").count());

    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "video");
  });

  it("after a refused media read (an expired token) the player mints a new token and plays on", async () => {
    let refused = 0;
    await page.route("**/videos/*/content?*", async (route) => {
      if (refused++ === 0) return route.fulfill({ status: 401, body: "" });
      await route.continue();
    });
    await page.reload();
    await expect
      .poll(() => video().evaluate((v) => (v as unknown as VideoElement).readyState), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(1);
    expect(refused).toBeGreaterThan(1);
    expect(await page.getByRole("alert").count()).toBe(0);
    await page.unrouteAll({ behavior: "ignoreErrors" });
  });

  it("shows the API's error with its request id for a video that does not exist", async () => {
    await page.goto(`${stack.apiUrl}/studio#/videos/no-such-video`);
    const alert = page.getByRole("alert").first();
    await expect.poll(() => alert.textContent()).toMatch(/NOT_FOUND \(404\)/);
    expect(await alert.textContent()).toMatch(/Request id: [0-9a-f-]{36}/);
    await screenshot(page, "video-not-found");
  });
});
