import { execFile } from "node:child_process";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

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

const ffmpeg = (args: string[]) => run("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", ...args]);

const colourClip = (colour: string, size: string, fps: number) => [
  "-f",
  "lavfi",
  "-i",
  `color=c=${colour}:s=${size}:r=${fps}:d=3`,
];
const tone = (hz: number, seconds = 3) => ["-f", "lavfi", "-i", `sine=f=${hz}:d=${seconds}:sample_rate=48000`];
const h264 = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "12"];

export async function generateRenderMedia(dir: string): Promise<RenderMedia> {
  await mkdir(dir, { recursive: true });
  const file = (name: string) => path.join(dir, name);
  const media: RenderMedia = {
    red: file("red.mp4"),
    green: file("green.mp4"),
    blueRotated: file("blue-rotated.mp4"),
    speech: file("speech.mp4"),
    anamorphic: file("anamorphic.mp4"),
    music: file("music.m4a"),
    watermark: file("watermark.png"),
  };
  const blueUpright = file("blue-upright.mp4");
  await Promise.all([
    ffmpeg([...colourClip("red", "320x180", 25), ...tone(440), ...h264, "-c:a", "aac", "-shortest", media.red]),
    ffmpeg([...colourClip("green", "320x240", 30), ...h264, media.green]),
    ffmpeg([...colourClip("blue", "320x180", 24), ...tone(880), ...h264, "-c:a", "aac", "-shortest", blueUpright]),
    ffmpeg([
      ...colourClip("white", "640x360", 30),
      ...tone(440),
      "-af",
      "volume=enable='between(t,1,2)':volume=0",
      ...h264,
      "-c:a",
      "aac",
      "-shortest",
      media.speech,
    ]),
    ffmpeg([...colourClip("magenta", "240x180", 30), "-vf", "setsar=4/3", ...h264, media.anamorphic]),
    ffmpeg([...tone(3000, 2), "-c:a", "aac", media.music]),
    ffmpeg(["-f", "lavfi", "-i", "color=c=yellow:s=64x32", "-frames:v", "1", media.watermark]),
  ]);
  // Only a stream copy keeps a `rotate` tag as a display matrix in this ffmpeg.
  await ffmpeg(["-i", blueUpright, "-c", "copy", "-metadata:s:v:0", "rotate=90", media.blueRotated]);
  return media;
}
