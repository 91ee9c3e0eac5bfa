import { requireProjectOrLearnerAccess } from "../../middleware/learner-access";

/** The video's own reads (content, poster, storyboard): a project key, or a learner token of a quiz on it. */
export const requireVideoOrLearnerAccess = requireProjectOrLearnerAccess((c) => ({
  kind: "video",
  assetId: c.req.param("asset_id") ?? "",
}));
