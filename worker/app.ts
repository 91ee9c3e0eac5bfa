import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./app-env";
import { ApiError, handleError, handleZodError } from "./errors";
import { allowedMethods } from "./method-not-allowed";
import { corsPolicy } from "./middleware/cors";
import { requestContext } from "./middleware/request-context";
import { registerAiRoutes } from "./routes/ai";
import { registerApiKeyRoutes } from "./routes/api-keys";
import { registerProjectEventRoutes } from "./routes/events";
import { registerExportRoutes } from "./routes/exports";
import { registerImageRoutes } from "./routes/images";
import { registerJobRoutes } from "./routes/jobs";
import { registerLearnerRoutes } from "./routes/learners";
import { registerMusicRoutes } from "./routes/music";
import { registerQuizRoutes } from "./routes/quizzes";
import { registerStorageRoutes } from "./routes/storage";
import { registerStreamTokenRoutes } from "./routes/stream-tokens";
import { registerDocs } from "./routes/system/docs";
import { registerHealth } from "./routes/system/health";
import { registerInfo } from "./routes/system/info";
import { registerUploadRoutes } from "./routes/uploads";
import { registerVideoRoutes } from "./routes/videos";
import { registerWebhookRoutes } from "./routes/webhooks";
import { registerStudio } from "./studio/routes";

export function createApp() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: handleZodError });

  app.use("*", requestContext);
  app.use("*", corsPolicy);

  registerHealth(app);
  registerInfo(app);
  registerDocs(app);
  registerApiKeyRoutes(app);
  registerStreamTokenRoutes(app);
  registerVideoRoutes(app);
  registerMusicRoutes(app);
  registerImageRoutes(app);
  registerExportRoutes(app);
  registerStorageRoutes(app);
  registerJobRoutes(app);
  registerUploadRoutes(app);
  registerAiRoutes(app);
  registerWebhookRoutes(app);
  registerProjectEventRoutes(app);
  registerQuizRoutes(app);
  registerStudio(app);
  registerLearnerRoutes(app);

  app.notFound((c) => {
    const allow = allowedMethods(app, c.req.path);
    if (allow.length > 0) {
      throw new ApiError("METHOD_NOT_ALLOWED", `Method ${c.req.method} is not allowed on ${c.req.path}`, {
        headers: { Allow: allow.join(", ") },
      });
    }
    throw new ApiError("NOT_FOUND", `No route for ${c.req.method} ${c.req.path}`);
  });
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;
