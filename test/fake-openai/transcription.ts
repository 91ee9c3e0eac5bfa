import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { FfmpegBinaries } from "../../container/src/ffmpeg/binaries";
import type { ReceivedAudio } from "./behaviours";

const run = promisify(execFile);

/** Real Whisper cuts segments of up to ~30 s; shorter ones make chunk seams easier to see in tests. */
const MAX_SEGMENT_SECONDS = 8;
const MIN_SPEECH_SECONDS = 0.2;

const SENTENCES = [
  "Today we are going to look at how fractions work.",
  "A fraction has a numerator and a denominator.",
  "Let us start with a simple example on the board.",
  "Notice how the denominator tells us the number of parts.",
  "This is the most important idea of the whole lesson.",
  "Try the next exercise on your own before we continue.",
  "Now compare the two answers and see what changed.",
  "Here is a common mistake that many students make.",
  "To summarise, always check the units of your result.",
  "In the next lesson we will apply this to real problems.",
];

/** Language names as Whisper's verbose_json reports them. */
const LANGUAGE_NAMES: Record<string, string> = {
  en: "english",
  de: "german",
  fr: "french",
  es: "spanish",
  it: "italian",
};

export type AudioAnalysis = ReceivedAudio;

/** What ffprobe says about the upload, plus where it is not silent (ffmpeg silencedetect). */
export async function analyzeAudio(
  bins: FfmpegBinaries,
  file: string,
  meta: { filename: string; content_type: string; bytes: number },
  findSpeech = true,
): Promise<AudioAnalysis> {
  const probe = await run(bins.ffprobe, ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", file])
    .then(
      ({ stdout }) =>
        JSON.parse(stdout) as {
          format?: { format_name?: string; duration?: string };
          streams?: Record<string, unknown>[];
        },
    )
    .catch(() => undefined);
  const stream = probe?.streams?.find((s) => s.codec_type === "audio");
  const duration = Number(probe?.format?.duration ?? stream?.duration ?? Number.NaN);
  const analysis: AudioAnalysis = {
    ...meta,
    format_name: probe?.format?.format_name ?? null,
    codec: (stream?.codec_name as string | undefined) ?? null,
    sample_rate: stream?.sample_rate ? Number(stream.sample_rate) : null,
    channels: typeof stream?.channels === "number" ? stream.channels : null,
    duration: Number.isFinite(duration) ? duration : null,
    speech: [],
  };
  if (!analysis.duration) return analysis;
  if (!findSpeech) {
    analysis.speech = [{ start: 0, end: analysis.duration }];
    return analysis;
  }
  const { stderr } = await run(
    bins.ffmpeg,
    ["-hide_banner", "-nostdin", "-i", file, "-af", "silencedetect=noise=-35dB:d=0.3", "-f", "null", "-"],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  let cursor = 0;
  const total = analysis.duration;
  const speech: { start: number; end: number }[] = [];
  for (const match of stderr.matchAll(/silence_(start|end): (-?\d+(?:\.\d+)?)/g)) {
    const t = Math.min(total, Math.max(0, Number(match[2])));
    if (match[1] === "start") {
      if (t - cursor >= MIN_SPEECH_SECONDS) speech.push({ start: cursor, end: t });
      cursor = total;
    } else {
      cursor = t;
    }
  }
  if (total - cursor >= MIN_SPEECH_SECONDS) speech.push({ start: cursor, end: total });
  analysis.speech = speech;
  return analysis;
}

const r2 = (value: number) => Math.round(value * 100) / 100;

/** A verbose_json body shaped like Whisper's, with segments over the audio's non-silent stretches. */
export function verboseTranscription(analysis: AudioAnalysis, language: string | undefined) {
  const pieces: { start: number; end: number }[] = [];
  for (const span of analysis.speech) {
    const count = Math.ceil((span.end - span.start) / MAX_SEGMENT_SECONDS);
    const step = (span.end - span.start) / count;
    for (let i = 0; i < count; i++) pieces.push({ start: span.start + i * step, end: span.start + (i + 1) * step });
  }
  const offset = Math.round(analysis.duration ?? 0);
  const segments = pieces.map((piece, id) => {
    const text = ` ${SENTENCES[(id + offset) % SENTENCES.length]}`;
    return {
      id,
      seek: Math.floor(piece.start * 100),
      start: r2(piece.start),
      end: r2(piece.end),
      text,
      tokens: text.split(" ").map((_, i) => 400 + i),
      temperature: 0,
      avg_logprob: -0.2 - (id % 3) * 0.05,
      compression_ratio: 1.3,
      no_speech_prob: 0.01,
    };
  });
  return {
    task: "transcribe",
    language: LANGUAGE_NAMES[language ?? "en"] ?? language ?? "english",
    duration: r2(analysis.duration ?? 0),
    text: segments
      .map((s) => s.text)
      .join("")
      .trim(),
    segments,
    usage: { type: "duration", seconds: Math.ceil(analysis.duration ?? 0) },
  };
}
