import { requireProjectOrLearnerAccess } from "../../middleware/learner-access";

/**
 * The video's own reads (content, poster, storyboard): a project key, a learner token of a quiz on it, or a
 * stream token of the project in `?access_token=`, because <video src> and <img src> cannot send a header.
 */
export const requireVideoOrLearnerAccess = requireProjectOrLearnerAccess(
  (c) => ({ kind: "video", assetId: c.req.param("asset_id") ?? "" }),
  { allowStreamToken: true },
);
