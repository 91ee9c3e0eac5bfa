import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkMp4Structure } from "../../../container/src/media/mp4-structure";
import { ProgressEventSchema, ResultEventSchema } from "../../../container/src/protocol/contract";
import { type ProbeResultData, StoryboardMapSchema } from "../../../container/src/protocol/probe-contract";
import { ffprobeJson, generateVideo, testBinaries } from "../../media/generate";
import {
  framedBody,
  type MediaService,
  postOp,
  startMediaService,
  terminalEvent,
  waitForCleanup,
} from "./media-service";

const run = promisify(execFile);
let service: MediaService;
let dir: string;

beforeAll(async () => {
  service = await startMediaService();
  dir = await mkdtemp(path.join(os.tmpdir(), "probe-test-"));
});
afterAll(async () => {
  await service?.close();
  await rm(dir, { recursive: true, force: true });
});

async function probe(file: string, options: Record<string, unknown> = {}) {
  const response = await postOp(service, "probe", await framedBody(options, { video: file }), { outDir: dir });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/x-ndjson");
  const terminal = terminalEvent(response.events);
  expect(terminal.type, JSON.stringify(terminal)).toBe("result");
  return { ...response, data: ResultEventSchema.parse(terminal).data as unknown as ProbeResultData };
}

/** Mean luma (0-255) of an image, decoded by ffmpeg. */
async function meanLuma(image: string, seek?: number): Promise<number> {
  const bins = await testBinaries();
  const { stdout } = await run(
    bins.ffmpeg,
    [
      ...(seek === undefined ? [] : ["-ss", String(seek)]),
      "-v",
      "error",
      "-i",
      image,
      "-frames:v",
      "1",
      "-f",
      "rawvideo",
      "-pix_fmt",
      "gray",
      "-",
    ],
    { encoding: "buffer", maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout.reduce((sum, value) => sum + value, 0) / stdout.length;
}

describe("POST /v1/probe", () => {
  it("reports every probe field of an H.264/AAC MP4 and streams a 640 px JPEG poster", async () => {
    const file = await generateVideo(dir, "standard.mp4", { seconds: 4, width: 320, height: 240, fps: 25, tone: 440 });
    const { data, events, files } = await probe(file);
    expect(data.probe).toEqual({
      duration: expect.closeTo(4, 1),
      width: 320,
      height: 240,
      fps: 25,
      rotation: 0,
      video_codec: "h264",
      audio_codec: "aac",
      has_audio: true,
      bitrate: expect.any(Number),
      container: "mp4",
      size: (await stat(file)).size,
    });
    expect(data.probe.bitrate).toBeGreaterThan(10_000);

    const fileEvent = events.find((event) => event.type === "file");
    expect(fileEvent).toEqual({
      type: "file",
      name: "thumbnail.jpg",
      size: expect.any(Number),
      content_type: "image/jpeg",
    });
    const jpeg = await readFile(files["thumbnail.jpg"]!);
    expect(jpeg.length).toBe(fileEvent!.size);
    expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    const decoded = (await ffprobeJson(files["thumbnail.jpg"]!)).streams[0]!;
    expect(decoded).toMatchObject({ codec_name: "mjpeg", width: 640, height: 480 });
    expect(data.thumbnail).toEqual({
      name: "thumbnail.jpg",
      content_type: "image/jpeg",
      width: 640,
      height: 480,
      at_seconds: 0.4,
    });
    expect(await waitForCleanup(service)).toEqual([]);
  });

  it("reports progress that rises to 100 before the result, and the poster before the result", async () => {
    const file = await generateVideo(dir, "progress.mp4", { seconds: 2 });
    const { events } = await probe(file);
    const percents = events
      .filter((event) => event.type === "progress")
      .map((event) => ProgressEventSchema.parse(event).percent);
    expect(percents[0]).toBe(0);
    expect(percents.at(-1)).toBe(100);
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
    expect(new Set(percents).size).toBe(percents.length);
    const types = events.map((event) => event.type);
    expect(types.indexOf("file")).toBeLessThan(types.indexOf("result"));
  });

  it("reports display size and rotation of a video rotated by its display matrix", async () => {
    const file = await generateVideo(dir, "rotated.mp4", { width: 320, height: 240, rotation: 90 });
    const { data, files } = await probe(file);
    expect(data.probe).toMatchObject({ width: 240, height: 320, rotation: 90 });
    const decoded = (await ffprobeJson(files["thumbnail.jpg"]!)).streams[0]!;
    expect(decoded.width).toBe(640);
    expect(decoded.height).toBe(data.thumbnail!.height);
    expect(Math.abs((decoded.height as number) - (640 * 320) / 240)).toBeLessThanOrEqual(2);
  });

  it("reports has_audio false and a null audio codec for a silent video", async () => {
    const file = await generateVideo(dir, "silent.mp4", { tone: false, fps: 30 });
    const { data } = await probe(file);
    expect(data.probe).toMatchObject({ has_audio: false, audio_codec: null, fps: 30, video_codec: "h264" });
  });

  it("names WebM and QuickTime containers and their codecs", async () => {
    const webm = await probe(await generateVideo(dir, "clip.webm", { container: "webm", seconds: 2 }));
    expect(webm.data.probe).toMatchObject({
      container: "webm",
      video_codec: "vp8",
      audio_codec: "opus",
      has_audio: true,
    });
    const mov = await probe(await generateVideo(dir, "clip.mov", { container: "mov", seconds: 2 }));
    expect(mov.data.probe).toMatchObject({ container: "mov", video_codec: "h264" });
  });

  it("reports a fractional NTSC frame rate to three decimals", async () => {
    const file = await generateVideo(dir, "ntsc.mp4", { fps: 30000 / 1001, seconds: 2, tone: false });
    const { data } = await probe(file);
    expect(data.probe.fps).toBe(29.97);
  });

  it("reads the movie header's duration from the box walk (it starts the poster early), as ffprobe does", async () => {
    for (const [name, spec] of [
      ["header-first.mp4", { seconds: 3 }],
      ["header-last.mp4", { seconds: 3, faststart: false }],
      ["header.mov", { seconds: 2, container: "mov" }],
    ] as const) {
      const file = await generateVideo(dir, name, spec);
      const structure = await checkMp4Structure(file, (await stat(file)).size);
      const { format } = await ffprobeJson(file);
      expect(structure.kind, name).toBe("ok");
      expect(structure.kind === "ok" && structure.duration, name).toBeCloseTo(Number(format.duration), 2);
    }
  });

  it("takes the poster from a representative frame, not the black first frame of a fade-in", async () => {
    const file = await generateVideo(dir, "fade.mp4", { seconds: 10, fadeInSeconds: 1, tone: false });
    expect(await meanLuma(file)).toBeLessThan(5);
    const { files, data } = await probe(file);
    expect(data.thumbnail!.at_seconds).toBeCloseTo(1, 3);
    expect(await meanLuma(files["thumbnail.jpg"]!)).toBeGreaterThan(40);
  });

  it("makes a storyboard sprite of evenly spaced frames and its JSON map when asked", async () => {
    const file = await generateVideo(dir, "storyboard.mp4", { seconds: 10, width: 320, height: 180, tone: false });
    const { data, files, events } = await probe(file, { storyboard: { tiles: 10, columns: 5, tile_width: 96 } });
    expect(events.filter((event) => event.type === "file").map((event) => event.name)).toEqual([
      "thumbnail.jpg",
      "storyboard.jpg",
      "storyboard.json",
    ]);
    const map = StoryboardMapSchema.parse(JSON.parse(await readFile(files["storyboard.json"]!, "utf8")));
    expect(map).toMatchObject({ sprite: "storyboard.jpg", tile_width: 96, tile_height: 54, columns: 5, rows: 2 });
    expect(map.tiles.map((tile) => tile.start)).toEqual([0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5]);
    expect(map.tiles[6]).toEqual({ start: 6.5, x: 96, y: 54 });
    const sprite = (await ffprobeJson(files["storyboard.jpg"]!)).streams[0]!;
    expect(sprite).toMatchObject({ codec_name: "mjpeg", width: 5 * 96, height: 2 * 54 });
    expect(data.storyboard).toEqual({ ...map, tiles: undefined, map: "storyboard.json", tile_count: 10 });
  });

  it("skips the poster when asked (thumbnail: false)", async () => {
    const file = await generateVideo(dir, "nothumb.mp4", { seconds: 2 });
    const { data, events } = await probe(file, { thumbnail: false });
    expect(events.some((event) => event.type === "file")).toBe(false);
    expect(data.thumbnail).toBeNull();
    expect(data.probe.width).toBe(320);
  });
});
