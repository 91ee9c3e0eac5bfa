/**
 * Test media with a spoken track: espeak-ng speech with real pauses between sentences (so silence
 * detection has something to find), muxed under a tiny video. Falls back to beeps when espeak-ng is missing.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export const LESSON_SENTENCES = [
  "Welcome to this short lesson about fractions.",
  "A fraction has a numerator and a denominator.",
  "The denominator says how many equal parts there are.",
  "Let us try an example together.",
];

async function hasEspeak(): Promise<boolean> {
  return run("espeak-ng", ["--version"]).then(
    () => true,
    () => false,
  );
}

/** WAV with each sentence followed by `pauseMs` of silence. */
export async function makeSpeech(dir: string, sentences = LESSON_SENTENCES, pauseMs = 1200): Promise<string> {
  const out = path.join(dir, "speech.wav");
  if (await hasEspeak()) {
    const ssml = `<speak>${sentences.map((s) => `${s}<break time="${pauseMs}ms"/>`).join("")}</speak>`;
    await run("espeak-ng", ["-m", "-s", "170", "-w", out, ssml]);
    return out;
  }
  // One 1.5 s tone per sentence with the same pauses: silence detection still sees the structure.
  const parts = sentences.map((_, i) => `sine=frequency=${440 + i * 110}:duration=1.5,apad=pad_dur=${pauseMs / 1000}`);
  const filter = `${parts.map((p, i) => `${p}[a${i}]`).join(";")};${sentences.map((_, i) => `[a${i}]`).join("")}concat=n=${sentences.length}:v=0:a=1[out]`;
  await run("ffmpeg", ["-hide_banner", "-y", "-filter_complex", filter, "-map", "[out]", out]);
  return out;
}

/** 160x90 1 fps H.264 + AAC MP4 of the given audio (or `seconds` of silence with tone bursts). */
export async function makeVideoWithAudio(dir: string, audio: string, name = "lesson.mp4"): Promise<string> {
  const out = path.join(dir, name);
  await run("ffmpeg", [
    ...["-hide_banner", "-y", "-f", "lavfi", "-i", "color=c=blue:s=160x90:r=1", "-i", audio],
    ...[
      "-shortest",
      "-c:v",
      "libx264",
      "-preset",
      "ultrafast",
      "-pix_fmt",
      "yuv420p",
      "-c:a",
      "aac",
      "-b:a",
      "64k",
      out,
    ],
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
  await run(
    "ffmpeg",
    [
      ...["-hide_banner", "-y", "-f", "lavfi", "-i", `color=c=black:s=160x90:r=1:d=${seconds}`],
      ...["-f", "lavfi", "-i", `${audio},atrim=0:${seconds}`],
      ...["-c:v", "libx264", "-preset", "ultrafast", "-g", "600", "-pix_fmt", "yuv420p"],
      ...["-c:a", "aac", "-b:a", "32k", "-ac", "1", "-shortest", out],
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return out;
}

/** A tiny video without any audio stream. */
export async function makeSilentVideo(dir: string, seconds = 3, name = "no-audio.mp4"): Promise<string> {
  const out = path.join(dir, name);
  await run("ffmpeg", [
    ...["-hide_banner", "-y", "-f", "lavfi", "-i", `color=c=red:s=160x90:r=1:d=${seconds}`],
    ...["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", out],
  ]);
  return out;
}
