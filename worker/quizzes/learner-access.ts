import type { LearnerClaims } from "../auth/learner-token";
import type { Database } from "../db/client";
import { isReviewClipOf } from "./review-clips";

/** What a request with a learner token asks for, as the route names it. */
export type LearnerResource =
  /** The attempt routes of a quiz; whose attempt it is the handler checks against the attempt itself. */
  | { kind: "attempts"; quizId: string }
  /** `GET …/quizzes/{quiz_id}/export?format=` */
  | { kind: "quiz_export"; quizId: string; format: string | undefined }
  /** A file or map of a video: its content, poster (thumbnail), storyboard and sprite. */
  | { kind: "video"; assetId: string }
  /** A rendered export: a learner may download it when it is a review clip of the token's quiz. */
  | { kind: "review_clip"; assetId: string }
  /** `GET …/videos/{asset_id}/ai/transcript?format=` */
  | { kind: "captions"; assetId: string; format: string | undefined };

const CAPTION_FORMATS = new Set(["vtt", "srt"]);

/**
 * The one place that decides what a learner token opens: its quiz's attempt routes and cue track (the VTT
 * export), its quiz's video with that video's poster, storyboard and captions, and its quiz's review clips.
 * Everything else is refused.
 * `db` is for grants that need a lookup (an export asset belonging to the quiz).
 */
export async function learnerMayAccess(
  db: Database,
  token: LearnerClaims,
  resource: LearnerResource,
): Promise<boolean> {
  switch (resource.kind) {
    case "attempts":
      return resource.quizId === token.quizId;
    case "quiz_export":
      return resource.quizId === token.quizId && resource.format === "vtt";
    case "video":
      return resource.assetId === token.assetId;
    case "review_clip":
      return isReviewClipOf(db, token.quizId, resource.assetId);
    case "captions":
      return resource.assetId === token.assetId && CAPTION_FORMATS.has(resource.format ?? "json");
  }
}
