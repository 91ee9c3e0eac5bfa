/**
 * Small media files for Worker tests, generated once per run by the global setup (workerd cannot run ffmpeg)
 * and handed to tests base64-encoded through `inject("mediaFixtures")`; decode with `mediaFixture(name)`.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import {
  ffmpeg,
  generateAudio,
  generateImage,
  generateVideo,
  lyingHeaderCopy,
  notMediaFile,
  truncatedCopy,
  zeroDurationVideo,
} from "../media/generate";
import { makeLongVideo, makeSilentVideo } from "../media/speech-video";

export type MediaFixtureName =
  | "video.mp4"
  | "rotated.mp4"
  | "truncated.mp4"
  | "lying-header.mp4"
  | "audio-only.m4a"
  | "zero-duration.mp4"
  | "not-media.mp4"
  /** 25 s with a speech-like on/off tone (7 s period): several transcription chunks at 10 s windows. */
  | "lesson.mp4"
  | "no-audio.mp4"
  /** 3 s with an audio track that is all silence: transcribes to no segments. */
  | "silent-audio.mp4"
  /** Export clips: 320x180, 2 s, flat colours with distinct tones. */
  | "clip-red.mp4"
  | "clip-green.mp4"
  | "clip-blue.mp4"
  | "watermark.png"
  /** 60 s, 160x90 at 10 fps, one flat colour that drifts smoothly and never repeats: a frame tells its time. */
  | "lesson-clock.mp4";

const exportClip = (dir: string, colour: string, tone: number) =>
  generateVideo(dir, `clip-${colour}.mp4`, { seconds: 2, width: 320, height: 180, pattern: "color", colour, tone });

async function colourClockVideo(dir: string, seconds: number): Promise<string> {
  const out = path.join(dir, "lesson-clock.mp4");
  const channel = (period: number, phase: number) => `128+100*sin(2*PI*T/${period}+${phase})`;
  const geq = `geq=r='${channel(23, 0)}':g='${channel(37, 1)}':b='${channel(11, 2)}'`;
  await ffmpeg([
    ...["-f", "lavfi", "-i", `color=c=black:s=160x90:r=10:d=${seconds},format=rgb24,${geq}`],
    ...["-f", "lavfi", "-i", `sine=f=440:d=${seconds}:sample_rate=16000`],
    ...["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "20"],
    ...["-c:a", "aac", "-b:a", "32k", "-t", String(seconds), out],
  ]);
  return out;
}

async function silentAudioVideo(dir: string): Promise<string> {
  const out = path.join(dir, "silent-audio.mp4");
  await ffmpeg([
    ...[
      "-f",
      "lavfi",
      "-i",
      "color=c=gray:s=160x90:r=1:d=3",
      "-f",
      "lavfi",
      "-i",
      "anullsrc=r=16000:cl=mono",
      "-t",
      "3",
    ],
    ...["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "32k", out],
  ]);
  return out;
}

export async function generateMediaFixtures(dir: string): Promise<Record<MediaFixtureName, string>> {
  const video = await generateVideo(dir, "video.mp4", { seconds: 3, width: 320, height: 240, fps: 25, tone: 440 });
  const files: Record<MediaFixtureName, string> = {
    "video.mp4": video,
    "rotated.mp4": await generateVideo(dir, "rotated.mp4", { seconds: 2, width: 320, height: 180, rotation: 90 }),
    "truncated.mp4": await truncatedCopy(video, path.join(dir, "truncated.mp4"), 0.5),
    "lying-header.mp4": await lyingHeaderCopy(video, path.join(dir, "lying-header.mp4")),
    "audio-only.m4a": await generateAudio(dir, "audio-only.m4a", { seconds: 2 }),
    "zero-duration.mp4": await zeroDurationVideo(dir, "zero-duration.mp4"),
    "not-media.mp4": await notMediaFile(dir, "not-media.mp4"),
    "lesson.mp4": await makeLongVideo(dir, 25, 7, "lesson.mp4"),
    "no-audio.mp4": await makeSilentVideo(dir, 3, "no-audio.mp4"),
    "silent-audio.mp4": await silentAudioVideo(dir),
    "clip-red.mp4": await exportClip(dir, "red", 330),
    "clip-green.mp4": await exportClip(dir, "green", 550),
    "clip-blue.mp4": await exportClip(dir, "blue", 770),
    "watermark.png": await generateImage(dir, "watermark.png", { width: 64, height: 32, colour: "yellow" }),
    "lesson-clock.mp4": await colourClockVideo(dir, 60),
  };
  const encoded = {} as Record<MediaFixtureName, string>;
  for (const [name, file] of Object.entries(files) as [MediaFixtureName, string][]) {
    encoded[name] = (await readFile(file)).toString("base64");
  }
  return encoded;
}
