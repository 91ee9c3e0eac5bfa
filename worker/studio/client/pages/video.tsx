import { useEffect, useRef, useState } from "hono/jsx/dom";
import { type ApiClient, ApiProblem, expectOk, type Schemas } from "../api";
import { fetchCaptions } from "../captions";
import { AssetJobs } from "../components/asset-jobs";
import { ErrorBanner } from "../components/error-banner";
import { Player, type PlayerTrack } from "../components/player";
import { SceneTimeline } from "../components/scene-timeline";
import { StoryboardStrip } from "../components/storyboard-strip";
import { TranscriptPanel } from "../components/transcript-panel";
import { formatDuration } from "../format";
import { quizzesHref } from "../route";
import type { Session } from "../session";
import { mintStreamToken } from "../stream-token";

type Asset = Schemas["Asset"];

/** The data of a read that answers 404 until a job has made it: null then, an ApiProblem otherwise. */
const unlessMissing = <T,>(read: Promise<T>): Promise<T | null> =>
  read.catch((error: unknown) => {
    if (error instanceof ApiProblem && error.status === 404) return null;
    throw error;
  });

/**
 * One video: the player, its storyboard and scenes under it, the transcript beside it (each line seeks the
 * player), the video's jobs live, and buttons that start transcription and scene detection when not run yet.
 */
export function VideoPage({ session, api, assetId }: { session: Session; api: ApiClient; assetId: string }) {
  const path = { project_id: session.projectId, asset_id: assetId };
  const [asset, setAsset] = useState<Asset | null>(null);
  const [transcript, setTranscript] = useState<Schemas["Transcript"] | null>(null);
  const [scenes, setScenes] = useState<Schemas["SceneRun"] | null>(null);
  const [storyboard, setStoryboard] = useState<Schemas["Storyboard"] | null>(null);
  const [mediaToken, setMediaToken] = useState<string | null>(null);
  const [track, setTrack] = useState<PlayerTrack | undefined>(undefined);
  const [current, setCurrent] = useState(0);
  const [moment, setMoment] = useState<{ start: number; end: number } | null>(null);
  const [refresh, setRefresh] = useState(0);
  const [starting, setStarting] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const video = useRef<HTMLVideoElement | null>(null);

  const loadAsset = async () => {
    setAsset(await expectOk(api.GET("/projects/{project_id}/videos/{asset_id}", { params: { path } })));
    const [map, token] = await Promise.all([
      unlessMissing(expectOk(api.GET("/projects/{project_id}/videos/{asset_id}/storyboard", { params: { path } }))),
      mintStreamToken(api, session.projectId),
    ]);
    setStoryboard(map);
    setMediaToken(token);
  };
  const loadTranscript = async () => {
    const read = api.GET("/projects/{project_id}/videos/{asset_id}/ai/transcript", {
      params: { path, query: { format: "json" } },
    });
    const found = await unlessMissing(expectOk(read));
    // The route also answers SRT/VTT text; with format=json it is the JSON transcript.
    if (typeof found === "string") throw new Error("The transcript came back as text, not JSON");
    setTranscript(found);
    if (!found) return;
    // The captions track: a <track src> cannot send the key either, so the VTT comes as a blob.
    const vtt = await fetchCaptions(api, session, assetId, "vtt");
    setTrack((before) => {
      if (before) URL.revokeObjectURL(before.src);
      return { src: URL.createObjectURL(vtt), label: "Transcript", srclang: found.language ?? undefined };
    });
  };
  const loadScenes = async () =>
    setScenes(
      await unlessMissing(
        expectOk(api.GET("/projects/{project_id}/videos/{asset_id}/ai/scenes", { params: { path } })),
      ),
    );

  useEffect(() => {
    Promise.all([loadAsset(), loadTranscript(), loadScenes()]).catch(setError);
  }, [assetId, session.projectId]);

  const onFinished = (job: Schemas["Job"]) => {
    const reload = { ingest: loadAsset, transcription: loadTranscript, scene_detection: loadScenes }[
      job.job_type as "ingest" | "transcription" | "scene_detection"
    ];
    reload?.().catch(setError);
  };

  const start = async (jobType: "transcription" | "scene_detection") => {
    setStarting(jobType);
    try {
      await expectOk(
        api.POST("/projects/{project_id}/jobs", {
          params: { path: { project_id: session.projectId } },
          body: { job_type: jobType, payload: { asset_id: assetId } },
        }),
      );
      setRefresh((n) => n + 1);
    } catch (problem) {
      setError(problem);
    } finally {
      setStarting(null);
    }
  };

  const seek = (seconds: number) => {
    if (!video.current) return;
    video.current.currentTime = seconds;
    setCurrent(seconds);
  };

  const duration = asset?.duration_seconds ?? storyboard?.duration ?? 0;
  const ready = asset?.status === "ready";
  return (
    <section class="video-page" aria-labelledby="video-title">
      <header class="section-head">
        <h1 id="video-title">{asset?.original_filename ?? "Video"}</h1>
        <p>
          <a href="#/library">Back to the library</a> · <a href={quizzesHref(assetId)}>Quizzes of this video</a>
          {asset && ` · ${formatDuration(asset.duration_seconds)} · ${asset.status}`}
        </p>
      </header>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <div class="video-layout">
        <div class="video-main">
          <Player
            api={api}
            session={session}
            assetId={assetId}
            track={track}
            start={moment?.start}
            end={moment?.end}
            label={`Player: ${asset?.original_filename ?? "video"}`}
            onTime={setCurrent}
            onVideo={(element) => {
              video.current = element;
            }}
          />
          {scenes && scenes.scenes.length > 0 && duration > 0 && (
            <SceneTimeline scenes={scenes.scenes} duration={duration} current={current} onPlay={setMoment} />
          )}
          {storyboard && mediaToken && (
            <StoryboardStrip storyboard={storyboard} token={mediaToken} current={current} onSeek={seek} />
          )}
        </div>
        <aside class="video-side">
          <div class="actions">
            {!transcript && (
              <button type="button" disabled={!ready || starting !== null} onClick={() => start("transcription")}>
                Start transcription
              </button>
            )}
            {!scenes && (
              <button
                type="button"
                disabled={!transcript || starting !== null}
                onClick={() => start("scene_detection")}
              >
                Find scenes
              </button>
            )}
          </div>
          <AssetJobs
            api={api}
            session={session}
            assetId={assetId}
            refresh={refresh}
            onFinished={onFinished}
            onError={setError}
          />
          {transcript ? (
            <TranscriptPanel
              api={api}
              session={session}
              assetId={assetId}
              transcript={transcript}
              current={current}
              onSeek={seek}
              onError={setError}
            />
          ) : (
            <p>No transcript yet.</p>
          )}
        </aside>
      </div>
    </section>
  );
}
