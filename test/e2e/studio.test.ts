// Studio in a real browser (Debian's chromium through playwright-core) against the `npm run dev` stack: sign-in
// errors, the library, the live jobs list, delete, and an accessibility check of each page.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { AssetSchema } from "../../worker/routes/assets/schema";
import { JobSchema } from "../../worker/routes/jobs/schema";
import { generateVideo } from "../media/generate";
import { type LocalStack, startLocalStack } from "../stack/local-stack";
import { chromiumPath, launchChromium, screenshot, seriousAxeViolations } from "./studio/browser";
import { dropFile } from "./studio/drop-file";

const ADMIN_KEY = "e2e-studio-admin-key";
const PROJECT = `e2e-studio-${Date.now()}`;
const work = mkdtempSync(path.join(tmpdir(), "e2e-studio-"));
const executablePath = chromiumPath();
if (!executablePath)
  console.warn("Studio browser tests NOT RUN: no chromium (apt-get install chromium, or set CHROMIUM_PATH)");

/** window.getComputedStyle, for code evaluated in the page (the tests are typed without the DOM library). */
type StyleReader = { getComputedStyle(element: unknown): { display: string } };

let stack: LocalStack;
let browser: Browser;
let page: Page;
let lessonVideo: string;

beforeAll(async () => {
  if (!executablePath) return;
  const [started, file, launched] = await Promise.all([
    startLocalStack({
      port: 18_971,
      mediaPort: 18_972,
      persistTo: path.join(work, "state"),
      migratedD1From: inject("migratedD1"),
      env: { ADMIN_API_KEY: ADMIN_KEY, LOG_LEVEL: "WARNING" },
    }),
    generateVideo(work, "lesson.mp4", { seconds: 4, width: 320, height: 240 }),
    launchChromium(executablePath),
  ]);
  stack = started;
  lessonVideo = file;
  browser = launched;
  page = await browser.newPage();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  rmSync(work, { recursive: true, force: true });
});

async function api(route: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${stack.apiUrl}/projects/${PROJECT}${route}`, {
    ...init,
    headers: { Authorization: `Bearer ${ADMIN_KEY}`, ...init.headers },
  });
}

async function upload(name: string) {
  const form = new FormData();
  form.append("file", new File([readFileSync(lessonVideo)], name, { type: "video/mp4" }));
  const res = await api("/videos", { method: "POST", body: form });
  expect(res.status).toBe(201);
  return AssetSchema.parse(await res.json());
}

async function ingested(jobId: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = JobSchema.parse(await (await api(`/jobs/${jobId}`)).json());
    if (job.status === "completed") return job;
    if (job.status === "failed" || Date.now() > deadline) throw new Error(`ingest did not complete: ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe.runIf(executablePath)("Studio", () => {
  it("is served on the API's origin with a strict content security policy and a small bundle", async () => {
    const res = await fetch(`${stack.apiUrl}/studio`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    const bundle = await fetch(`${stack.apiUrl}/studio/assets/studio.js`);
    expect(bundle.headers.get("content-type")).toContain("text/javascript");
    const gzipped = await new Response(
      (await bundle.blob()).stream().pipeThrough(new CompressionStream("gzip")),
    ).arrayBuffer();
    // The budget for the first page's JavaScript.
    expect(gzipped.byteLength).toBeLessThan(150 * 1024);
    const css = await fetch(`${stack.apiUrl}/studio/assets/studio.css`);
    expect(css.headers.get("content-type")).toContain("text/css");
    expect(await css.text()).toContain(".cards {");
  });

  it("shows the API's message and request id for a wrong key, then signs in", async () => {
    await page.goto(`${stack.apiUrl}/studio`);
    await page.getByLabel("Project id").fill(PROJECT);
    await page.getByLabel("API key").fill("not-a-key");
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent()).toMatch(/UNAUTHORIZED \(401\)/);
    expect(await alert.textContent()).toMatch(/Request id: [0-9a-f-]{36}/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "sign-in-error");

    await page.getByLabel("API key").fill(ADMIN_KEY);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Library" }).waitFor();
    // The stylesheet is applied (it loads under the page's own Content-Security-Policy).
    expect(
      await page
        .locator("header.top")
        .evaluate((el) => (globalThis as unknown as StyleReader).getComputedStyle(el).display),
    ).toBe("flex");
    expect(await page.evaluate(() => sessionStorage.getItem("studio.session"))).toContain(PROJECT);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
  });

  it("lists the project's videos with poster, duration, status and size", async () => {
    const asset = await upload("Cell biology.mp4");
    await ingested(asset.ingest_job_id!);
    await page.reload();
    const card = page.locator(`[data-asset-id="${asset.asset_id}"]`);
    await card.waitFor();
    expect(await card.getByRole("heading").textContent()).toBe("Cell biology.mp4");
    expect(await card.locator(".status").textContent()).toBe("ready");
    expect(await card.locator("dd").first().textContent()).toBe("0:04");
    // The poster came through the authenticated fetch into a blob URL, and decoded.
    const poster = card.getByRole("img", { name: "Poster of Cell biology.mp4" });
    await expect
      .poll(() => poster.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(0);
    expect(await page.getByText(/Storage used: \d/).count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "library");
  });

  it("shows a new job live, without a reload, until it completes; filters by status", async () => {
    await page.getByRole("link", { name: "Jobs" }).click();
    await page.getByRole("heading", { name: "Jobs" }).waitFor();
    await page.locator("tr[data-job-id]").first().waitFor();
    const before = await page.locator("tr[data-job-id]").count();
    const second = await upload("Second lesson.mp4");
    const row = page.locator(`tr[data-job-id="${second.ingest_job_id}"]`);
    await row.waitFor({ timeout: 30_000 });
    await expect.poll(() => row.locator(".status").textContent(), { timeout: 60_000 }).toBe("completed");
    expect(await page.locator("tr[data-job-id]").count()).toBe(before + 1);
    await row.getByRole("button", { name: "Logs" }).click();
    expect(await page.locator(".logs li").count()).toBeGreaterThan(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "jobs");

    await page.getByLabel("Status").selectOption("failed");
    await page.getByText("No jobs with status failed.").waitFor();
    await page.getByLabel("Status").selectOption("");
  });

  it("uploads a video dropped on the library through tus, with progress, and lists it once ingested", async () => {
    await page.getByRole("link", { name: "Library" }).click();
    await dropFile(page, lessonVideo, "Dropped lesson.mp4");
    await page.locator('[data-upload="Dropped lesson.mp4"][data-state="done"]').waitFor({ timeout: 30_000 });
    const card = page.locator(".card", { hasText: "Dropped lesson.mp4" });
    await card.waitFor();
    await expect.poll(() => card.locator(".status").textContent(), { timeout: 60_000 }).not.toBe("uploaded");
  });

  it("resumes an upload interrupted by a reload from the offset the server kept", async () => {
    const big = await generateVideo(work, "long-lesson.mp4", {
      seconds: 30,
      width: 1280,
      height: 720,
      videoBitrate: "16M",
    });
    const size = statSync(big).size;
    // Two of Studio's 20 MiB PATCHes at least, so the reload can fall after the first.
    expect(size).toBeGreaterThan(30 * 1024 * 1024);
    // The connection "hangs" once the first PATCH is through: the next one is held until the reload cancels it.
    let holding!: () => void;
    const held = new Promise<void>((resolve) => {
      holding = resolve;
    });
    await page.route("**/uploads/**", async (route) => {
      if (route.request().method() === "PATCH" && Number(route.request().headers()["upload-offset"]) > 0) {
        holding();
        return;
      }
      await route.continue();
    });
    await page.locator('input[type="file"]').setInputFiles(big);
    await held;
    const uploadUrl = await page.evaluate(() => {
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i)!;
        if (key.startsWith("tus::")) return (JSON.parse(localStorage.getItem(key)!) as { uploadUrl: string }).uploadUrl;
      }
      return null;
    });
    expect(uploadUrl).toBeTruthy();
    await page.reload();
    await page.unrouteAll({ behavior: "ignoreErrors" });
    const head = await fetch(uploadUrl!, {
      method: "HEAD",
      headers: { Authorization: `Bearer ${ADMIN_KEY}`, "Tus-Resumable": "1.0.0" },
    });
    const kept = Number(head.headers.get("upload-offset"));
    expect(kept).toBe(20 * 1024 * 1024);
    expect(kept).toBeLessThan(size);

    const patchOffsets: number[] = [];
    page.on("request", (request) => {
      if (request.method() === "PATCH") patchOffsets.push(Number(request.headers()["upload-offset"]));
    });
    await page.locator('input[type="file"]').setInputFiles(big);
    await page.locator('[data-upload="long-lesson.mp4"][data-state="done"]').waitFor({ timeout: 60_000 });
    expect(patchOffsets[0]).toBe(kept);
    const assets = (await (await api("/videos")).json()) as {
      items: { original_filename: string; checksum: string }[];
    };
    const stored = assets.items.find((a) => a.original_filename === "long-lesson.mp4");
    expect(stored?.checksum).toBe(createHash("sha256").update(readFileSync(big)).digest("hex"));
    await screenshot(page, "library-uploads");
  });

  it("deletes a video from the library", async () => {
    const assets = (await (await api("/videos")).json()) as {
      items: { asset_id: string; original_filename: string }[];
    };
    const second = assets.items.find((a) => a.original_filename === "Second lesson.mp4")!;
    await page.getByRole("link", { name: "Library" }).click();
    const card = page.locator(`[data-asset-id="${second.asset_id}"]`);
    await card.waitFor();
    page.once("dialog", (dialog) => void dialog.accept());
    await card.getByRole("button", { name: "Delete Second lesson.mp4" }).click();
    await card.waitFor({ state: "detached" });
    expect((await api(`/videos/${second.asset_id}`)).status).toBe(404);
  });
});
