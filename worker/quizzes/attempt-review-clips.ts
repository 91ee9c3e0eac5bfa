import type { Database } from "../db/client";
import type { AttemptResult } from "./attempt-store";
import { reviewClipsOf } from "./review-clips";

/**
 * The result with `review.clip_url` of each question whose review clip exists now. Added on every read rather
 * than stored with the score: clips rendered (or re-rendered) after the submit still reach the learner.
 */
export async function withReviewClips(
  db: Database,
  quizId: string,
  result: AttemptResult,
  toUrl: (path: string) => string,
): Promise<AttemptResult> {
  const clips = await reviewClipsOf(db, quizId, toUrl);
  if (clips.size === 0) return result;
  return {
    ...result,
    results: result.results.map((r) => {
      const clip = clips.get(r.question_id);
      return clip && r.review ? { ...r, review: { ...r.review, clip_url: clip.clip_url } } : r;
    }),
  };
}
