import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { ffmpeg, generateAudio, generateImage, generateVideo } from "../../media/generate";
import { type RenderService, removeTestDirs, scratchDir, startRenderService } from "./render-harness";

/** Tiny generated sources, each with its own colour (and tone), so tests can tell clips apart by pixel and pitch. */
export interface RenderMedia {
  /** 320x180, 25 fps, red, 440 Hz tone, 3 s. */
  red: string;
  /** 320x240, 30 fps, green, no audio track, 3 s. */
  green: string;
  /** 320x180 coded, 24 fps, blue, 880 Hz tone, 3 s, rotated 90° by its display matrix (shows as 180x320). */
  blueRotated: string;
  /** 640x360, 30 fps, white, 440 Hz tone that is on for 1 s, off for 1 s, on for 1 s ("speech" for ducking). */
  speech: string;
  /** 240x180 stored with 4:3 pixels (shows as 320x180), magenta, 30 fps, 3 s, no audio. */
  anamorphic: string;
  /** 3 kHz tone, 2 s (short, so looping shows). */
  music: string;
  /** 64x32 opaque yellow PNG. */
  watermark: string;
}

/** Built on test/media/generate.ts; the two sources it has no option for (gated tone, anamorphic pixels) are made here. */
export async function generateRenderMedia(dir: string): Promise<RenderMedia> {
  const colour = { pattern: "color" as const, seconds: 3 };
  const speech = path.join(dir, "speech.mp4");
  const anamorphic = path.join(dir, "anamorphic.mp4");
  const [red, green, blueRotated, music, watermark] = await Promise.all([
    generateVideo(dir, "red.mp4", { ...colour, colour: "red", width: 320, height: 180, fps: 25, tone: 440 }),
    generateVideo(dir, "green.mp4", { ...colour, colour: "green", width: 320, height: 240, fps: 30, tone: false }),
    generateVideo(dir, "blue-rotated.mp4", {
      ...colour,
      colour: "blue",
      width: 320,
      height: 180,
      fps: 24,
      tone: 880,
      rotation: 90,
    }),
    generateAudio(dir, "music.m4a", { seconds: 2, tone: 3000, sampleRate: 48000 }),
    generateImage(dir, "watermark.png", { width: 64, height: 32, colour: "yellow" }),
    ffmpeg([
      ...[
        "-f",
        "lavfi",
        "-i",
        "color=c=white:s=640x360:r=30:d=3",
        "-f",
        "lavfi",
        "-i",
        "sine=f=440:d=3:sample_rate=48000",
      ],
      ...[
        "-af",
        "volume=enable='between(t,1,2)':volume=0",
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-pix_fmt",
        "yuv420p",
      ],
      ...["-c:a", "aac", "-shortest", speech],
    ]),
    ffmpeg([
      ...["-f", "lavfi", "-i", "color=c=magenta:s=240x180:r=30:d=3", "-vf", "setsar=4/3"],
      ...["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", anamorphic],
    ]),
  ]);
  return { red, green, blueRotated, speech, anamorphic, music, watermark };
}

/**
 * One render service and one set of generated clips per test file: registers the setup and teardown
 * hooks and returns the suite, filled in before the file's tests run.
 */
export function useRenderSuite(
  name: string,
  env: Record<string, string> = {},
): { service: RenderService; media: RenderMedia } {
  const suite = {} as { service: RenderService; media: RenderMedia };
  beforeAll(async () => {
    [suite.service, suite.media] = await Promise.all([
      startRenderService(env),
      scratchDir(name).then(generateRenderMedia),
    ]);
  });
  afterAll(async () => {
    await suite.service?.close();
    await removeTestDirs();
  });
  return suite;
}
