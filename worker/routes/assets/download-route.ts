import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../app-env";
import type { ErrorStatus } from "../../errors";
import { requireProjectAccess } from "../../middleware/auth";
import type { DocumentedMiddleware } from "../../middleware/documented";
import { defineRoute, registerOperationDocs } from "../define-route";
import { BEARER_LEARNER_OR_STREAM_TOKEN, BEARER_OR_LEARNER_TOKEN } from "../security";
import { AssetParamsSchema } from "./schema";

const BinaryBodySchema = z.string().openapi({ type: "string", format: "binary" });

const header = (type: "string" | "integer", description: string) => ({ schema: { type }, description });
const VALIDATORS = {
  ETag: header("string", "Strong entity tag; send it back in If-None-Match, If-Match or If-Range"),
  "Last-Modified": header("string", "When the file was stored"),
};
const ENTITY = {
  ...VALIDATORS,
  "Content-Length": header("integer", "Bytes in this answer's body"),
  "Accept-Ranges": header("string", "bytes"),
};

/** 200/206/304 of a download; with `withBody` false (HEAD) the same headers and no body. */
function rangeResponses(what: string, contentTypes: readonly string[], withBody: boolean) {
  const content = withBody
    ? { content: Object.fromEntries(contentTypes.map((type) => [type, { schema: BinaryBodySchema }])) }
    : {};
  return {
    200: { description: `The whole ${what}`, headers: ENTITY, ...content },
    206: {
      description: "The requested byte range",
      headers: { ...ENTITY, "Content-Range": header("string", "bytes first-last/size") },
      ...content,
    },
    304: { description: "Not modified since the validators the client sent", headers: VALIDATORS },
  };
}

export interface DownloadRouteSpec {
  path: string;
  /** `get...`; the HEAD operation is named `head...`. */
  operationId: `get${string}`;
  summary: string;
  description?: string;
  tag: string;
  /** Noun for the response descriptions ("video", "thumbnail", ...). */
  what: string;
  /** Every Content-Type the route can answer with. */
  contentTypes: readonly string[];
  /** Who may read it, when more than the project's keys (a learner token for a quiz's video). */
  access?: DocumentedMiddleware;
  /** `access` also takes the project's stream tokens (a video's media, which players read by URL). */
  streamTokens?: boolean;
}

type AssetParams = z.infer<typeof AssetParamsSchema>;

// No such file, a failed If-Match/If-Unmodified-Since, an unsatisfiable range.
const DOWNLOAD_ERRORS: ErrorStatus[] = [404, 412, 416];

/** `GET|HEAD <path>` for a file of an asset, with Range and validators (see serveObject); both verbs documented. */
export function registerDownloadRoute(
  app: OpenAPIHono<AppEnv>,
  spec: DownloadRouteSpec,
  serve: (c: Context<AppEnv>, params: AssetParams) => Promise<Response>,
) {
  const shared = {
    path: spec.path,
    tags: [spec.tag],
    middleware: [spec.access ?? requireProjectAccess],
    security: spec.streamTokens
      ? BEARER_LEARNER_OR_STREAM_TOKEN
      : spec.access
        ? BEARER_OR_LEARNER_TOKEN
        : [{ bearerAuth: [] }],
    request: { params: AssetParamsSchema },
    errors: DOWNLOAD_ERRORS,
  };
  const route = defineRoute({
    ...shared,
    method: "get",
    operationId: spec.operationId,
    summary: spec.summary,
    description: spec.description,
    responses: rangeResponses(spec.what, spec.contentTypes, true),
  });
  app.openapi(route, (c) => serve(c, c.req.valid("param")));
  registerOperationDocs(app, {
    ...shared,
    method: "head",
    operationId: spec.operationId.replace(/^get/, "head"),
    summary: `${spec.summary} (headers only)`,
    responses: rangeResponses(spec.what, spec.contentTypes, false),
  });
}
