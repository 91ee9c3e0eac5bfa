// OpenAPI security requirements shared by routes. Typed up front: an inline array of differently-keyed
// objects infers a union that breaks @hono/zod-openapi's route typing.
type SecurityRequirements = { [scheme: string]: string[] }[];

/** A bearer key, or a stream token in `?access_token=` (job event streams). */
export const BEARER_OR_STREAM_TOKEN: SecurityRequirements = [{ bearerAuth: [] }, { streamToken: [] }];

/** A bearer key, or the token of a direct upload URL in `?token=` (tus verbs). */
export const BEARER_OR_UPLOAD_TOKEN: SecurityRequirements = [{ bearerAuth: [] }, { uploadToken: [] }];

/** A bearer key, or a learner token as the bearer or in `?token=` (a quiz's learner routes and lesson media). */
export const BEARER_OR_LEARNER_TOKEN: SecurityRequirements = [{ bearerAuth: [] }, { learnerToken: [] }];

/** A bearer key, a learner token, or a stream token in `?access_token=` (a video's media, read by players). */
export const BEARER_LEARNER_OR_STREAM_TOKEN: SecurityRequirements = [
  { bearerAuth: [] },
  { learnerToken: [] },
  { streamToken: [] },
];
