/**
 * Every media operation's contract by name: the Worker's client is typed by this map, and the service
 * checks that it serves exactly these ops. A new op adds its protocol/<op>-contract.ts and one line here.
 * Runtime-neutral: the Worker imports it.
 */
import { chaptersContract } from "./chapters-contract";
import { probeContract } from "./probe-contract";
import { quizContract } from "./quiz-contract";
import { renderContract } from "./render-contract";
import { scenesContract } from "./scenes-contract";
import { transcribeContract } from "./transcribe-contract";
import { translateContract } from "./translate-contract";

export const MEDIA_OPS = {
  probe: probeContract,
  transcribe: transcribeContract,
  scenes: scenesContract,
  render: renderContract,
  quiz: quizContract,
  translate: translateContract,
  chapters: chaptersContract,
} as const;

export type MediaOps = typeof MEDIA_OPS;
export type MediaOpName = keyof MediaOps;
