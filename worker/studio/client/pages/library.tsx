import { useEffect, useState } from "hono/jsx/dom";
import { type ApiClient, expectOk, type Schemas } from "../api";
import { AuthedImage } from "../components/authed-image";
import { ErrorBanner } from "../components/error-banner";
import { Uploader } from "../components/uploader";
import { formatBytes, formatDuration } from "../format";
import type { Session } from "../session";

type Asset = Schemas["Asset"];

/** The project's videos, newest first, with poster, duration, status and size; storage used; delete. */
export function Library({ session, api }: { session: Session; api: ApiClient }) {
  const project = { project_id: session.projectId };
  const [videos, setVideos] = useState<Asset[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [usedBytes, setUsedBytes] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  const loadPage = async (after: string | null) => {
    const page = await expectOk(
      api.GET("/projects/{project_id}/videos", {
        params: { path: project, query: { limit: 24, ...(after ? { cursor: after } : {}) } },
      }),
    );
    setVideos((shown) => (after ? [...shown, ...page.items] : page.items));
    setCursor(page.next_cursor);
  };
  const loadUsage = async () => {
    const stats = await expectOk(api.GET("/projects/{project_id}/storage/stats", { params: { path: project } }));
    setUsedBytes(stats.total.bytes);
  };

  useEffect(() => {
    Promise.all([loadPage(null), loadUsage()])
      .catch(setError)
      .finally(() => setLoading(false));
  }, [session.projectId]);

  const remove = async (video: Asset) => {
    if (!confirm(`Delete ${video.original_filename} and everything made from it?`)) return;
    try {
      await expectOk(
        api.DELETE("/projects/{project_id}/videos/{asset_id}", {
          params: { path: { ...project, asset_id: video.asset_id } },
        }),
      );
      setVideos((shown) => shown.filter((v) => v.asset_id !== video.asset_id));
      await loadUsage();
    } catch (problem) {
      setError(problem);
    }
  };

  return (
    <section aria-labelledby="library-title">
      <header class="section-head">
        <h1 id="library-title">Library</h1>
        <p class="usage">{usedBytes === null ? "" : `Storage used: ${formatBytes(usedBytes)}`}</p>
      </header>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <Uploader session={session} onUploaded={() => Promise.all([loadPage(null), loadUsage()]).catch(setError)} />
      {loading ? (
        <p aria-live="polite">Loading videos…</p>
      ) : videos.length === 0 ? (
        <p>No videos yet.</p>
      ) : (
        <ul class="cards">
          {videos.map((video) => (
            <li class="card" key={video.asset_id} data-asset-id={video.asset_id}>
              <AuthedImage
                session={session}
                path={video.links.thumbnail}
                alt={`Poster of ${video.original_filename}`}
              />
              <h2 class="card-title">
                <a href={`#/videos/${encodeURIComponent(video.asset_id)}`}>{video.original_filename}</a>
              </h2>
              <dl>
                <dt>Duration</dt>
                <dd>{formatDuration(video.duration_seconds)}</dd>
                <dt>Status</dt>
                <dd class={`status status-${video.status}`}>{video.status}</dd>
                <dt>Size</dt>
                <dd>{formatBytes(video.size_bytes)}</dd>
              </dl>
              {video.error_message && <p class="card-error">{video.error_message}</p>}
              <button type="button" class="danger" onClick={() => remove(video)}>
                Delete <span class="visually-hidden">{video.original_filename}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {cursor && (
        <button type="button" onClick={() => loadPage(cursor).catch(setError)}>
          Load more
        </button>
      )}
    </section>
  );
}
