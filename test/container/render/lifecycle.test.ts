import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  postRender,
  type RenderEvent,
  type RenderService,
  removeTestDirs,
  renderResult,
  scratchDir,
  startRenderService,
} from "./render-harness";
import { generateRenderMedia, type RenderMedia } from "./render-media";

let service: RenderService;
let media: RenderMedia;
let scratch: string;

beforeAll(async () => {
  scratch = await scratchDir("render-lifecycle");
  [service, media] = await Promise.all([startRenderService(), generateRenderMedia(scratch)]);
});
afterAll(async () => {
  await service?.close();
  await removeTestDirs();
});

/** Live ffmpeg processes whose command line mentions `needle` (the service's temp root). */
async function ffmpegProcessesUsing(needle: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "");
    if (cmdline.includes("ffmpeg") && cmdline.includes(needle)) pids.push(Number(entry));
  }
  return pids;
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

const workspaceIsEmpty = async () => (await readdir(service.tmpDir)).length === 0;

describe("render lifecycle", () => {
  it("emits monotonic progress from ffmpeg that reaches 100 before the result", async () => {
    const response = await postRender(
      service,
      {
        clips: [
          { input: "source_0", in_point: 0, out_point: 3, transition: { type: "crossfade", duration: 0.5 } },
          { input: "source_0", in_point: 0, out_point: 3 },
        ],
        generate_thumbnails: true,
        templates: [
          { name: "first", format: "mp4", width: 320, height: 180 },
          { name: "second", format: "webm", width: 320, height: 180 },
        ],
      },
      { source_0: media.speech },
    );
    const { outputs } = renderResult(response);
    const percents = response.events
      .filter((event) => event.type === "progress")
      .map((event) => event.percent as number);
    expect(percents.length).toBeGreaterThan(4);
    for (let i = 1; i < percents.length; i++) expect(percents[i]).toBeGreaterThan(percents[i - 1] as number);
    expect(percents.at(-1)).toBe(100);
    // Values between the ends come from ffmpeg's out_time, not only the fixed milestones.
    expect(percents.some((percent) => percent > 0 && percent < 45)).toBe(true);
    expect(response.events.findIndex((event) => event.percent === 100)).toBeLessThan(response.events.length - 1);

    // Thumbnails follow their video, one per template.
    const files = response.events.filter((event) => event.type === "file").map((event) => event.name);
    expect(files).toEqual(["first.mp4", "first.jpg", "second.webm", "second.jpg"]);
    expect(outputs.map((output) => output.thumbnail?.name)).toEqual(["first.jpg", "second.jpg"]);
    expect(await eventually(workspaceIsEmpty)).toBe(true);
  });

  it("kills ffmpeg and removes the partial output when the client disconnects mid-render", async () => {
    const controller = new AbortController();
    const seen: RenderEvent[] = [];
    let ffmpegWhileRunning: number[] = [];
    let partialFiles: string[] = [];
    const pending = postRender(
      service,
      {
        clips: Array.from({ length: 4 }, () => ({ input: "source_0", in_point: 0, out_point: 3 })),
        templates: [{ name: "big", format: "mp4", width: 1920, height: 1080 }],
      },
      { source_0: media.speech },
      {
        signal: controller.signal,
        onEvent: (event) => {
          seen.push(event);
          if (event.type === "progress" && (event.percent as number) > 0 && !controller.signal.aborted) {
            void (async () => {
              ffmpegWhileRunning = await ffmpegProcessesUsing(service.tmpDir);
              const [workspace] = await readdir(service.tmpDir);
              partialFiles = workspace ? await readdir(path.join(service.tmpDir, workspace)) : [];
              controller.abort();
            })();
          }
        },
      },
    );
    await expect(pending).rejects.toThrow();
    expect(ffmpegWhileRunning.length).toBe(1);
    expect(partialFiles).toContain("output-big.mp4");
    expect(seen.some((event) => event.type === "result" || event.type === "file")).toBe(false);

    expect(await eventually(async () => (await ffmpegProcessesUsing(service.tmpDir)).length === 0)).toBe(true);
    expect(await eventually(workspaceIsEmpty)).toBe(true);
  });

  it("ends with an error event and leaves nothing behind when a transition does not fit", async () => {
    const response = await postRender(
      service,
      {
        clips: [
          { input: "source_0", in_point: 0, out_point: 1, transition: { type: "crossfade", duration: 2 } },
          { input: "source_0", in_point: 1, out_point: 3 },
        ],
      },
      { source_0: media.red },
    );
    expect(response.status).toBe(200);
    expect(response.events.at(-1)).toMatchObject({ type: "error", code: "INVALID_OPTIONS", retryable: false });
    expect(response.events.some((event) => event.type === "file")).toBe(false);
    expect(await eventually(workspaceIsEmpty)).toBe(true);
  });

  it("ends with an error event when a source is not media", async () => {
    const fake = path.join(scratch, "fake.mp4");
    await writeFile(fake, "this is not a video at all".repeat(100));
    const response = await postRender(service, { clips: [{ input: "source_0" }] }, { source_0: fake });
    expect(response.events.at(-1)).toMatchObject({ type: "error", code: "INVALID_MEDIA", retryable: false });
    expect(response.events.some((event) => event.type === "file")).toBe(false);
    expect(await eventually(workspaceIsEmpty)).toBe(true);
  });

  it("rejects references to inputs the request does not carry, and music without sound", async () => {
    const missing = await postRender(service, { clips: [{ input: "source_1" }] }, { source_0: media.red });
    expect(missing.events.at(-1)).toMatchObject({ type: "error", code: "INVALID_OPTIONS" });
    expect(missing.events.at(-1)?.message).toContain("clips.0.input");

    const silentMusic = await postRender(
      service,
      { clips: [{ input: "source_0" }], background_music: { input: "music" } },
      { source_0: media.red, music: media.green },
    );
    expect(silentMusic.events.at(-1)).toMatchObject({ type: "error", code: "INVALID_OPTIONS" });
    expect(silentMusic.events.at(-1)?.message).toContain("background_music.input");
  });

  it("answers 400 for headers it cannot accept", async () => {
    const unknownInput = await postRender(service, { clips: [{ input: "video" }] }, { video: media.red });
    expect(unknownInput.status).toBe(400);
    const noClips = await postRender(service, { clips: [] }, { source_0: media.red });
    expect(noClips.status).toBe(400);
    expect(noClips.body).toMatchObject({ error: { code: "INVALID_OPTIONS" } });
    const badPoints = await postRender(
      service,
      { clips: [{ input: "source_0", in_point: 2, out_point: 1 }] },
      { source_0: media.red },
    );
    expect(badPoints.status).toBe(400);
    expect(JSON.stringify(badPoints.body)).toContain("out_point");
    expect(await eventually(workspaceIsEmpty)).toBe(true);
  });
});
