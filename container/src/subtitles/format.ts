/**
 * SRT and WebVTT rendering of transcript segments. Runtime-neutral on purpose (no node: imports):
 * the Worker imports it for `?format=srt|vtt` and the render step for burned-in subtitles.
 */
export interface SubtitleCue {
  start: number;
  end: number;
  text: string;
  speaker?: string;
}

export const SUBTITLE_CONTENT_TYPES = {
  srt: "application/x-subrip; charset=utf-8",
  vtt: "text/vtt; charset=utf-8",
} as const;

export type SubtitleFormat = keyof typeof SUBTITLE_CONTENT_TYPES;

/** `HH:MM:SS<sep>mmm`; hours grow past two digits instead of wrapping. */
export function formatTimestamp(seconds: number, separator: "," | "."): string {
  // Rounding the whole value to milliseconds first keeps 59.9996 from printing as 00:00:59,1000.
  const totalMs = Math.max(0, Math.round((Number.isFinite(seconds) ? seconds : 0) * 1000));
  const ms = totalMs % 1000;
  const totalSeconds = Math.floor(totalMs / 1000);
  const s = totalSeconds % 60;
  const m = Math.floor(totalSeconds / 60) % 60;
  const h = Math.floor(totalSeconds / 3600);
  const pad = (value: number, width: number) => String(value).padStart(width, "0");
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}${separator}${pad(ms, 3)}`;
}

/** Both formats end a cue at the first blank line, so text never contains one. */
function cueLines(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join("\n");
}

function playable(cues: readonly SubtitleCue[]): SubtitleCue[] {
  return cues.filter((cue) => cue.end > cue.start && cueLines(cue.text) !== "");
}

export function toSrt(cues: readonly SubtitleCue[]): string {
  return playable(cues)
    .map((cue, i) => {
      const text = cueLines(cue.text);
      const body = cue.speaker ? `${cue.speaker}: ${text}` : text;
      return `${i + 1}\n${formatTimestamp(cue.start, ",")} --> ${formatTimestamp(cue.end, ",")}\n${body}\n`;
    })
    .join("\n");
}

function escapeVtt(text: string): string {
  // "-->" would end the cue timing line's meaning inside a payload; & < > are markup in WebVTT.
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/--&gt;/g, "\u2192");
}

export function toVtt(cues: readonly SubtitleCue[]): string {
  const body = playable(cues)
    .map((cue) => {
      const text = escapeVtt(cueLines(cue.text));
      const payload = cue.speaker ? `<v ${escapeVtt(cue.speaker)}>${text}` : text;
      return `${formatTimestamp(cue.start, ".")} --> ${formatTimestamp(cue.end, ".")}\n${payload}\n`;
    })
    .join("\n");
  return body ? `WEBVTT\n\n${body}` : "WEBVTT\n";
}

export function formatSubtitles(cues: readonly SubtitleCue[], format: SubtitleFormat): string {
  return format === "srt" ? toSrt(cues) : toVtt(cues);
}
