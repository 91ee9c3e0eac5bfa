import type { ApiClient, Schemas } from "../api";
import { type CaptionFormat, fetchCaptions, saveBlob } from "../captions";
import { formatDuration } from "../format";
import type { Session } from "../session";

type Transcript = Schemas["Transcript"];

/** The transcript, one line per segment; a line's timestamp seeks the player; SRT and VTT downloads. */
export function TranscriptPanel({
  api,
  session,
  assetId,
  transcript,
  current,
  onSeek,
  onError,
}: {
  api: ApiClient;
  session: Session;
  assetId: string;
  transcript: Transcript;
  current: number;
  onSeek: (seconds: number) => void;
  onError: (error: unknown) => void;
}) {
  const download = (format: CaptionFormat) =>
    fetchCaptions(api, session, assetId, format)
      .then((blob) => saveBlob(blob, `${assetId}.${format}`))
      .catch(onError);
  return (
    <section class="transcript" aria-labelledby="transcript-title">
      <header class="section-head">
        <h2 id="transcript-title">Transcript</h2>
        <span class="downloads">
          <button type="button" onClick={() => download("srt")}>
            Download SRT
          </button>
          <button type="button" onClick={() => download("vtt")}>
            Download VTT
          </button>
        </span>
      </header>
      <ol class="segments">
        {transcript.segments.map((segment) => (
          <li
            data-start={segment.start}
            class={segment.start <= current && current < segment.end ? "current" : undefined}
          >
            <button
              type="button"
              class="timestamp"
              aria-label={`Seek to ${formatDuration(segment.start)}: ${segment.text}`}
              onClick={() => onSeek(segment.start)}
            >
              {formatDuration(segment.start)}
            </button>{" "}
            {segment.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
