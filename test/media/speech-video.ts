/**
 * Test media with a spoken track: espeak-ng speech with real pauses between sentences (so silence
 * detection has something to find), muxed under a tiny video. Where espeak-ng is not on PATH the speech
 * is tones with the same pauses; `speechSource()` says which, so tests that need real speech can say so.
 * Every ffmpeg call goes through `ffmpeg()` (FFMPEG_SOURCE), never a bare `ffmpeg` from PATH.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { TestContext } from "vitest";
import { ffmpeg, ffprobeJson } from "./generate";

const run = promisify(execFile);

export const LESSON_SENTENCES = [
  "Welcome to this short lesson about fractions.",
  "A fraction has a numerator and a denominator.",
  "The denominator says how many equal parts there are.",
  "Let us try an example together.",
];

/** How long each sentence sounds in the tone fallback. */
const TONE_SECONDS = 1.5;

let source: Promise<"espeak-ng" | "tones"> | undefined;

/** `espeak-ng` when it runs from PATH, else `tones`; the fallback is announced once per process. */
export function speechSource(): Promise<"espeak-ng" | "tones"> {
  source ??= run("espeak-ng", ["--version"]).then(
    () => "espeak-ng" as const,
    () => {
      console.warn(
        `espeak-ng is not on PATH: speech fixtures are ${TONE_SECONDS} s tones with the same pauses; tests that need real speech are skipped`,
      );
      return "tones" as const;
    },
  );
  return source;
}

/** For tests that need real speech: skips the test, saying why in the output, when espeak-ng is missing. */
export async function skipWithoutRealSpeech(ctx: TestContext): Promise<void> {
  if ((await speechSource()) === "espeak-ng") return;
  const note = "needs real speech, and espeak-ng is not on PATH";
  console.warn(`skipped "${ctx.task.name}": ${note}`);
  ctx.skip(note);
}

/** WAV with each sentence followed by `pauseMs` of silence. */
export async function makeSpeech(dir: string, sentences = LESSON_SENTENCES, pauseMs = 1200): Promise<string> {
  const out = path.join(dir, "speech.wav");
  if ((await speechSource()) === "espeak-ng") {
    const ssml = `<speak>${sentences.map((s) => `${s}<break time="${pauseMs}ms"/>`).join("")}</speak>`;
    await run("espeak-ng", ["-m", "-s", "170", "-w", out, ssml]);
    return out;
  }
  // One tone per sentence, a different pitch each, then the pause: silence detection sees the same structure.
  // aevalsrc rather than apad's pad_dur, which the npm-shipped 2018 FFmpeg lacks.
  const period = TONE_SECONDS + pauseMs / 1000;
  const tone = `if(lt(mod(t,${period}),${TONE_SECONDS}),0.5*sin(2*PI*(440+110*floor(t/${period}))*t),0)`;
  const seconds = sentences.length * period;
  await ffmpeg(["-f", "lavfi", "-i", `aevalsrc='${tone}':s=22050:d=${seconds}`, "-ac", "1", out]);
  return out;
}

/** 160x90 1 fps H.264 + AAC MP4 of the given audio, exactly as long as the audio. */
export async function makeVideoWithAudio(dir: string, audio: string, name = "lesson.mp4"): Promise<string> {
  const out = path.join(dir, name);
  // `-shortest` alone lets a 1 fps video run seconds past the audio, which reads as more speech.
  const seconds = String((await ffprobeJson(audio)).format.duration);
  await ffmpeg([
    ...["-f", "lavfi", "-i", `color=c=blue:s=160x90:r=1:d=${seconds}`, "-i", audio, "-t", seconds],
    ...["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k", out],
  ]);
  return out;
}

/** A long video quickly: `seconds` of tiny video with a beep every `periodSeconds` over silence. */
export async function makeLongVideo(
  dir: string,
  seconds: number,
  periodSeconds = 7,
  name = "long.mp4",
): Promise<string> {
  const out = path.join(dir, name);
  // Speech-like on/off pattern: tone for 70 % of each period, silence for the rest.
  const on = (periodSeconds * 0.7).toFixed(2);
  const audio = `sine=frequency=330:sample_rate=16000,volume='if(lt(mod(t,${periodSeconds}),${on}),0.5,0)':eval=frame`;
  await ffmpeg([
    ...["-f", "lavfi", "-i", `color=c=black:s=160x90:r=1:d=${seconds}`],
    ...["-f", "lavfi", "-i", `${audio},atrim=0:${seconds}`],
    ...["-c:v", "libx264", "-preset", "ultrafast", "-g", "600", "-pix_fmt", "yuv420p"],
    ...["-c:a", "aac", "-b:a", "32k", "-ac", "1", "-shortest", out],
  ]);
  return out;
}

/** A tiny video without any audio stream. */
export async function makeSilentVideo(dir: string, seconds = 3, name = "no-audio.mp4"): Promise<string> {
  const out = path.join(dir, name);
  await ffmpeg([
    ...["-f", "lavfi", "-i", `color=c=red:s=160x90:r=1:d=${seconds}`],
    ...["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", out],
  ]);
  return out;
}
