import { type ApiClient, expectOk } from "./api";
import type { Session } from "./session";

export type CaptionFormat = "srt" | "vtt";

/** The video's transcript as SRT or WebVTT, through the typed client (it carries the key; a link could not). */
export function fetchCaptions(api: ApiClient, session: Session, assetId: string, format: CaptionFormat): Promise<Blob> {
  return expectOk(
    api.GET("/projects/{project_id}/videos/{asset_id}/ai/transcript", {
      params: { path: { project_id: session.projectId, asset_id: assetId }, query: { format } },
      parseAs: "blob",
    }),
  );
}

/** Saves a blob under `filename`, the way a download link would. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
