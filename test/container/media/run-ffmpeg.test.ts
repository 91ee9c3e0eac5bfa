import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FfmpegError, runFfmpeg } from "../../../container/src/ffmpeg/run-ffmpeg";
import { generateVideo, testBinaries } from "../../media/generate";

let dir: string;
let source: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "run-ffmpeg-test-"));
  source = await generateVideo(dir, "source.mp4", { seconds: 6, width: 640, height: 360, tone: false });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Pids whose command line mentions `arg` (read from /proc). */
async function processesWith(arg: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "");
    if (cmdline.split("\0").includes(arg)) pids.push(Number(entry));
  }
  return pids;
}

const encode = ["-y", "-c:v", "libx264", "-preset", "ultrafast", "-an"];

describe("runFfmpeg", () => {
  it("reports progress in seconds of output written", async () => {
    const bins = await testBinaries();
    const seen: number[] = [];
    await runFfmpeg(
      bins,
      { inputs: [{ path: source }], output: path.join(dir, "copy.mp4"), outputOptions: encode },
      { threads: 1, onProgress: (seconds) => seen.push(seconds) },
    );
    expect(seen.length).toBeGreaterThan(0);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(seen.at(-1)).toBeGreaterThan(5);
  });

  it("rejects with the abort reason and leaves no ffmpeg running", async () => {
    const bins = await testBinaries();
    const controller = new AbortController();
    const reason = new Error("stop");
    const output = path.join(dir, "aborted.mp4");
    const run = runFfmpeg(
      bins,
      // A slow encode so the abort lands mid-run.
      { inputs: [{ path: source }], output, outputOptions: ["-y", "-c:v", "libx264", "-preset", "veryslow", "-an"] },
      { threads: 1, signal: controller.signal, onProgress: () => controller.abort(reason) },
    );
    await expect(run).rejects.toBe(reason);
    await expect.poll(() => processesWith(output), { timeout: 5000 }).toEqual([]);
  });

  it("fails with ffmpeg's stderr when the command is wrong", async () => {
    const bins = await testBinaries();
    const error = await runFfmpeg(
      bins,
      { inputs: [{ path: path.join(dir, "missing.mp4") }], output: path.join(dir, "x.mp4"), outputOptions: ["-y"] },
      { threads: 1 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FfmpegError);
    expect((error as FfmpegError).stderr).toMatch(/No such file or directory/);
  });
});
