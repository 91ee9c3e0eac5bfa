// webvtt-parser ships no types; this is the part of its API the export tests use.
declare module "webvtt-parser" {
  export interface ParsedCue {
    id: string;
    startTime: number;
    endTime: number;
    text: string;
  }
  export class WebVTTParser {
    parse(input: string, mode: "metadata" | "subtitles/captions"): { cues: ParsedCue[]; errors: { message: string }[] };
  }
}
