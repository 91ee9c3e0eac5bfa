import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorEventSchema } from "../../../container/src/protocol/contract";
import {
  generateAudio,
  generateVideo,
  lyingHeaderCopy,
  notMediaFile,
  truncatedCopy,
  zeroDurationVideo,
} from "../../media/generate";
import {
  framedBody,
  type MediaService,
  postOp,
  startMediaService,
  terminalEvent,
  waitForCleanup,
} from "./media-service";

let service: MediaService;
let dir: string;
let goodMp4: string;

beforeAll(async () => {
  service = await startMediaService();
  dir = await mkdtemp(path.join(os.tmpdir(), "probe-errors-"));
  goodMp4 = await generateVideo(dir, "good.mp4", { seconds: 4 });
});
afterAll(async () => {
  await service?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Probes a bad file and returns its error event, after checking the stream and workspace behaved. */
async function probeError(file: string) {
  const response = await postOp(service, "probe", await framedBody({}, { video: file }), { outDir: dir });
  expect(response.status).toBe(200);
  const terminal = terminalEvent(response.events);
  expect(terminal.type).toBe("error");
  expect(response.events.some((event) => event.type === "file")).toBe(false);
  expect(await waitForCleanup(service)).toEqual([]);
  expect(service.limiter.active).toBe(0);
  return ErrorEventSchema.parse(terminal);
}

describe("POST /v1/probe with bad media", () => {
  it("a faststart MP4 cut in half: truncated, not retryable", async () => {
    const file = await truncatedCopy(goodMp4, path.join(dir, "half.mp4"), 0.5);
    const error = await probeError(file);
    expect(error).toMatchObject({ code: "TRUNCATED_MEDIA", retryable: false });
    expect(error.message).toMatch(
      /^The file is truncated: its MP4 structure needs \d+ bytes but the file has only \d+\.$/,
    );
  });

  it("an MP4 with its index at the end, cut short: truncated", async () => {
    const tail = await generateVideo(dir, "moov-last.mp4", { seconds: 4, faststart: false });
    const error = await probeError(await truncatedCopy(tail, path.join(dir, "moov-last-cut.mp4"), 0.8));
    expect(error).toMatchObject({ code: "TRUNCATED_MEDIA", retryable: false });
    expect(error.message).toMatch(/truncated/);
  });

  it("a WebM cut short (no MP4 structure to check): truncated, found by decoding near the declared end", async () => {
    const webm = await generateVideo(dir, "long.webm", { container: "webm", seconds: 6 });
    const error = await probeError(await truncatedCopy(webm, path.join(dir, "cut.webm"), 0.3));
    expect(error).toMatchObject({ code: "TRUNCATED_MEDIA", retryable: false });
    expect(error.message).toMatch(/incomplete: its header says the video lasts 6(\.\d+)? s/);
  });

  it("a file whose MP4 header lies (real ftyp, noise after it): damaged", async () => {
    const error = await probeError(await lyingHeaderCopy(goodMp4, path.join(dir, "lie.mp4")));
    expect(error).toMatchObject({ code: "INVALID_MEDIA", retryable: false });
    expect(error.message).toMatch(/^The file is damaged: its header says MP4\/MOV but it has unexpected data/);
  });

  it("bytes that are no media format at all: not a recognised video format", async () => {
    const error = await probeError(await notMediaFile(dir));
    expect(error).toMatchObject({ code: "INVALID_MEDIA", retryable: false });
    expect(error.message).toBe(
      "The file is not a recognised video format: its contents do not match any known container.",
    );
  });

  it("an audio-only file: no video stream", async () => {
    const error = await probeError(await generateAudio(dir, "voice.m4a"));
    expect(error).toMatchObject({ code: "NO_VIDEO_STREAM", retryable: false });
    expect(error.message).toBe("The file has no video stream: it is an audio-only file (aac).");
  });

  it("an MP4 without any frames: zero duration", async () => {
    const error = await probeError(await zeroDurationVideo(dir));
    expect(error).toMatchObject({ code: "ZERO_DURATION", retryable: false });
    expect(error.message).toMatch(/zero duration/);
  });

  it("an empty upload: says the file is empty", async () => {
    const file = path.join(dir, "empty.mp4");
    await writeFile(file, "");
    const error = await probeError(file);
    expect(error).toMatchObject({ code: "INVALID_MEDIA", retryable: false, message: "The file is empty (0 bytes)." });
  });

  it("keeps serving after bad media: a good file still probes", async () => {
    const response = await postOp(service, "probe", await framedBody({}, { video: goodMp4 }), { outDir: dir });
    expect(terminalEvent(response.events).type).toBe("result");
  });
});
