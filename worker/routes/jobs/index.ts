import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { JOB_TYPES } from "../../jobs/types";
import { registerCancelJob } from "./cancel";
import { registerCreateJob } from "./create";
import { registerJobEvents } from "./events";
import { registerGetJob } from "./get";
import { registerListJobs } from "./list";
import { resultComponentName } from "./schema";
import { registerJobWebSocket } from "./ws";

export function registerJobRoutes(app: OpenAPIHono<AppEnv>) {
  registerCreateJob(app);
  registerListJobs(app);
  registerGetJob(app);
  registerCancelJob(app);
  registerJobEvents(app);
  registerJobWebSocket(app);
  // Job.result names these: each type's result schema, as the engine parses it before storing. Registered as a
  // copy made now: zod gives `.openapi()` only to schemas created after @hono/zod-openapi loaded.
  for (const type of JOB_TYPES) {
    const schema = type.resultSchema.meta({ description: `The result of a completed ${type.type} job` });
    app.openAPIRegistry.register(resultComponentName(type.type), schema);
  }
}
