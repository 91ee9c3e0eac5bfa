import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { requireProjectOrLearnerAccess } from "../../middleware/learner-access";
import { attachment, EXPORT_FORMATS, FILE_EXPORTS } from "../../quizzes/export/formats";
import { requireQuiz } from "../../quizzes/quiz-store";
import { defineRoute } from "../define-route";
import { BEARER_OR_LEARNER_TOKEN } from "../security";
import { QuizParamsSchema, QuizSchema, quizResponse } from "./schema";

const file = (example: string) => ({ schema: z.string().openapi({ example }) });

const route = defineRoute({
  method: "get",
  path: "/projects/{project_id}/quizzes/{quiz_id}/export",
  operationId: "exportQuiz",
  summary: "Download a quiz for an LMS or a player: GIFT, Moodle XML, a QTI 3.0 package, JSON or a WebVTT track",
  description:
    "Only the quiz's questions are exported, in order; rejected questions never are. `gift` is Moodle GIFT text, " +
    "`moodle_xml` a Moodle question bank file, `qti` a QTI 3.0 content package (zip: imsmanifest.xml, an " +
    "assessment test, one item per question), `json` the quiz as GET returns it without `rejected`, `vtt` a " +
    "WebVTT metadata track with one cue per question at the end of its evidence window (payload: JSON with the " +
    "question's id and stem). The file name comes from the quiz title.",
  tags: ["Quizzes"],
  // A learner token of this quiz reads its cue track (format=vtt), nothing else.
  middleware: [
    requireProjectOrLearnerAccess((c) => ({
      kind: "quiz_export",
      quizId: c.req.param("quiz_id") ?? "",
      format: c.req.query("format"),
    })),
  ],
  security: BEARER_OR_LEARNER_TOKEN,
  request: {
    params: QuizParamsSchema,
    query: z.object({
      format: z
        .enum(EXPORT_FORMATS)
        .openapi({ param: { name: "format", in: "query" }, description: "Export format", example: "qti" }),
    }),
  },
  errors: [404],
  responses: {
    200: {
      description: "The export, as an attachment",
      content: {
        "application/json": { schema: QuizSchema.omit({ rejected: true }) },
        "text/plain": file("::Q1 Which gas…::Which gas do plants take in? {\n  =carbon dioxide\n  ~oxygen\n}"),
        "application/xml": file('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>…</quiz>'),
        "application/zip": { schema: z.string().openapi({ format: "binary" }) },
        "text/vtt": file('WEBVTT Photosynthesis\n\n9a8b…\n00:03:34.250 --> 00:03:35.250\n{"id":"9a8b…","stem":"…"}'),
      },
    },
  },
});

export function registerExportQuiz(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, quiz_id: quizId } = c.req.valid("param");
    const { format } = c.req.valid("query");
    const loaded = await requireQuiz(c.get("services").db, projectId, quizId);
    const { title } = loaded.quiz;
    if (format === "json") {
      const { rejected: _rejected, ...quiz } = quizResponse(loaded);
      return c.json(quiz, 200, { "Content-Disposition": attachment(title, "json") });
    }
    const spec = FILE_EXPORTS[format];
    return new Response(spec.render({ quiz: loaded.quiz, questions: loaded.questions }), {
      headers: { "Content-Type": spec.contentType, "Content-Disposition": attachment(title, spec.extension) },
    }) as never;
  });
}
