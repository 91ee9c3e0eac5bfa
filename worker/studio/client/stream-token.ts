import { type ApiClient, expectOk } from "./api";

/**
 * A project stream token (≤ 15 min) for what cannot send an Authorization header: EventSource, and the
 * `<video>`/`<img>` reads of a video's media, which take it as `?access_token=`.
 */
export async function mintStreamToken(api: ApiClient, projectId: string): Promise<string> {
  const minted = await expectOk(
    api.POST("/projects/{project_id}/stream-tokens", {
      params: { path: { project_id: projectId } },
      body: { ttl_seconds: 900 },
    }),
  );
  return minted.token;
}

/** An API path with the stream token in its query. */
export const withAccessToken = (path: string, token: string) =>
  `${path}${path.includes("?") ? "&" : "?"}access_token=${encodeURIComponent(token)}`;
