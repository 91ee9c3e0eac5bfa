import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { LanguageCodeSchema } from "../../../container/src/protocol/language";
import type { AppEnv } from "../../app-env";
import { requireProjectAccess } from "../../middleware/auth";
import { searchTranscripts } from "../../search/search-transcripts";
import { defineRoute } from "../define-route";
import { ProjectParamsSchema } from "../project-params";

const SearchHitSchema = z
  .object({
    asset_id: z.string().openapi({ example: "3f0c9a2e-8a4b-4a57-9b0e-2d6c1f7e5a10" }),
    asset_title: z.string().openapi({ description: "The lesson's file name without extension", example: "biology-3" }),
    segment_index: z.number().int().min(0).openapi({ example: 41 }),
    start: z.number().min(0).openapi({ description: "Seconds from the start of the video", example: 512.3 }),
    end: z.number().min(0).openapi({ example: 518.9 }),
    snippet: z.string().openapi({
      description: "The segment's text around the match, HTML-escaped, matched words in `<mark>`",
      example: "in the <mark>light</mark> <mark>reaction</mark> water is split",
    }),
    score: z.number().openapi({ description: "bm25 relevance, higher is better (within one query)", example: 7.2 }),
    language: z.string().nullable().openapi({ example: "en" }),
    source: z.enum(["transcript", "translation"]).openapi({ example: "transcript" }),
  })
  .openapi("SearchHit");

const SearchResultSchema = z
  .object({
    hits: z.array(SearchHitSchema),
    next_cursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next page" }),
  })
  .openapi("SearchResult");

const route = defineRoute({
  method: "get",
  path: "/projects/{project_id}/search",
  operationId: "searchTranscripts",
  summary: "Search every transcript of the project and answer with the exact second",
  description:
    'Words must all occur in a segment; `"quoted phrases"` keep their order, `photo*` matches a prefix, case and ' +
    "accents are ignored. Best hits first. With `language`, translations into it (and transcripts spoken in it) " +
    "are searched instead. A query of only stop words or punctuation is a 422.",
  tags: ["AI"],
  middleware: [requireProjectAccess],
  security: [{ bearerAuth: [] }],
  request: {
    params: ProjectParamsSchema,
    query: z.object({
      q: z
        .string()
        .trim()
        .min(1)
        .max(500)
        .openapi({ param: { name: "q", in: "query" }, example: '"light reaction" chloro*' }),
      asset_id: z
        .string()
        .min(1)
        .max(64)
        .optional()
        .openapi({ param: { name: "asset_id", in: "query" }, description: "Only this video" }),
      language: LanguageCodeSchema.optional().openapi({ param: { name: "language", in: "query" }, example: "de" }),
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(100)
        .default(20)
        .openapi({ param: { name: "limit", in: "query" }, example: 20 }),
      cursor: z
        .string()
        .max(200)
        .optional()
        .openapi({ param: { name: "cursor", in: "query" } }),
    }),
  },
  responses: {
    200: { description: "The hits, best first", content: { "application/json": { schema: SearchResultSchema } } },
  },
});

export function registerSearchTranscripts(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId } = c.req.valid("param");
    const query = c.req.valid("query");
    const { hits, nextCursor } = await searchTranscripts(c.get("services").db, {
      projectId,
      q: query.q,
      assetId: query.asset_id,
      language: query.language,
      limit: query.limit,
      cursor: query.cursor,
    });
    return c.json(SearchResultSchema.parse({ hits, next_cursor: nextCursor }), 200);
  });
}
