import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { registerCancelJob } from "./cancel";
import { registerCreateJob } from "./create";
import { registerJobEvents } from "./events";
import { registerGetJob } from "./get";
import { registerListJobs } from "./list";
import { registerJobWebSocket } from "./ws";

export function registerJobRoutes(app: OpenAPIHono<AppEnv>) {
  registerCreateJob(app);
  registerListJobs(app);
  registerGetJob(app);
  registerCancelJob(app);
  registerJobEvents(app);
  registerJobWebSocket(app);
}
