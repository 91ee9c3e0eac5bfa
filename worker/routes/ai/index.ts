import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { registerGetChapters } from "./chapters";
import { registerGetGlossary } from "./glossary-get";
import { registerPutGlossary } from "./glossary-put";
import { registerGetScenes } from "./scenes";
import { registerSearchTranscripts } from "./search";
import { registerGetTranscript } from "./transcript";
import { registerListTranscriptLanguages } from "./transcript-languages";

export function registerAiRoutes(app: OpenAPIHono<AppEnv>) {
  registerListTranscriptLanguages(app);
  registerGetTranscript(app);
  registerGetScenes(app);
  registerGetChapters(app);
  registerGetGlossary(app);
  registerPutGlossary(app);
  registerSearchTranscripts(app);
}
