import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FfmpegBinaries } from "../../../container/src/ffmpeg/binaries";
import { testBinaries } from "../../media/generate";
import { makeSpeech, makeVideoWithAudio } from "../../media/speech-video";

/** Short sentences with 1.5 s pauses: every 2.5 s stretch holds a pause, so 10 s chunks can always cut in one. */
export const SHORT_SENTENCES = [
  "Numbers are fun.",
  "Fractions have parts.",
  "Look at the board.",
  "Now try it yourself.",
  "Check your answer.",
  "Well done everyone.",
];

export const TEST_KEY = "sk-test-SECRET0123456789abcdef";

export interface AiFixtures {
  dir: string;
  bins: FfmpegBinaries;
  speechVideo: string;
}

export async function aiFixtures(): Promise<AiFixtures> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "ai-test-"));
  const bins = await testBinaries();
  const speech = await makeSpeech(dir, SHORT_SENTENCES, 1500);
  const speechVideo = await makeVideoWithAudio(dir, speech);
  return { dir, bins, speechVideo };
}

export async function scratchDir(parent: string): Promise<string> {
  return mkdtemp(path.join(parent, "work-"));
}
