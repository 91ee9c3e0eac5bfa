import { useEffect, useRef, useState } from "hono/jsx/dom";
import type { ApiClient } from "../api";
import type { Session } from "../session";
import { mintStreamToken, withAccessToken } from "../stream-token";
import { ErrorBanner } from "./error-banner";

export interface PlayerTrack {
  /** A URL the browser can read by itself: a blob URL, or a learner-token URL. */
  src: string;
  label: string;
  kind?: "captions" | "subtitles" | "metadata";
  srclang?: string;
}

export interface PlayerProps {
  api: ApiClient;
  session: Session;
  assetId: string;
  /**
   * A moment (seconds): the player opens at `start`, and pauses at `end` when played through it. A later change
   * of `start` or `end` seeks there and plays the moment. Seeking outside it lets the video play on.
   */
  start?: number;
  end?: number;
  /** The playhead, on every timeupdate and seek. */
  onTime?: (seconds: number) => void;
  /** The element itself, for callers that seek it or pause it at cues. */
  onVideo?: (video: HTMLVideoElement) => void;
  track?: PlayerTrack;
  label?: string;
}

// A token expires after 15 minutes; a Range read after that fails, and the player re-mints and resumes.
// Failures closer together than this are not retried, so a video that cannot play does not loop.
const RETRY_GAP_MS = 5000;

/**
 * A video of the project, played from its content route with Range requests (the browser's own seeking). A
 * `<video src>` cannot send the API key, so the URL carries a short stream token of the project instead.
 */
export function Player({ api, session, assetId, start, end, onTime, onVideo, track, label }: PlayerProps) {
  const video = useRef<HTMLVideoElement | null>(null);
  const [src, setSrc] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const lastRetry = useRef(0);
  // Where the current moment pauses; null once reached or left.
  const stopAt = useRef<number | null>(end ?? null);
  const opened = useRef(false);
  const path = `/projects/${encodeURIComponent(session.projectId)}/videos/${encodeURIComponent(assetId)}/content`;

  const load = async (resumeAt: number | null, play: boolean) => {
    const token = await mintStreamToken(api, session.projectId);
    const next = withAccessToken(path, token);
    const element = video.current;
    if (element && resumeAt !== null) {
      element.addEventListener(
        "loadedmetadata",
        () => {
          element.currentTime = resumeAt;
          if (play) void element.play().catch(() => {});
        },
        { once: true },
      );
    }
    setSrc(next);
    // A token minted within the same second is the same URL, which the element would not fetch again by itself.
    if (element?.getAttribute("src") === next) element.load();
  };

  useEffect(() => {
    setSrc(null);
    load(start ?? null, false).catch(setError);
  }, [assetId, session.projectId]);

  // A new moment on the same video: play it without reloading. The first render only opens at `start`.
  useEffect(() => {
    const element = video.current;
    if (!opened.current) {
      opened.current = true;
      return;
    }
    if (!element || start === undefined) return;
    stopAt.current = end ?? null;
    element.currentTime = start;
    void element.play().catch(() => {});
  }, [start, end]);

  useEffect(() => {
    const element = video.current;
    if (element) onVideo?.(element);
  }, []);

  const onTimeUpdate = () => {
    const element = video.current;
    if (!element) return;
    if (stopAt.current !== null && element.currentTime >= stopAt.current) {
      stopAt.current = null;
      element.pause();
    }
    onTime?.(element.currentTime);
  };

  const onSeeked = () => {
    const element = video.current;
    if (!element) return;
    const inMoment = start !== undefined && element.currentTime >= start - 0.5;
    if (stopAt.current !== null && !(inMoment && element.currentTime < stopAt.current)) stopAt.current = null;
    onTime?.(element.currentTime);
  };

  const onError = () => {
    const element = video.current;
    if (!element || Date.now() - lastRetry.current < RETRY_GAP_MS) {
      setError(new Error(`The video could not be played (${element?.error?.message || "media error"})`));
      return;
    }
    lastRetry.current = Date.now();
    load(element.currentTime, !element.paused).catch(setError);
  };

  return (
    <div class="player">
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {/* biome-ignore lint/a11y/useMediaCaption: captions come as `track` once the video has a transcript */}
      <video
        ref={video}
        src={src ?? undefined}
        controls
        preload="metadata"
        aria-label={label ?? "Video player"}
        onTimeUpdate={onTimeUpdate}
        onSeeked={onSeeked}
        onError={onError}
      >
        {track && (
          <track src={track.src} kind={track.kind ?? "captions"} label={track.label} srclang={track.srclang} default />
        )}
      </video>
    </div>
  );
}
