import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { defineRoute } from "../define-route";

export const InfoSchema = z
  .object({
    name: z.string().openapi({ example: "Quiz System Backend" }),
    version: z.string().openapi({ example: "0.1.0" }),
    debug: z.boolean().openapi({ example: false }),
  })
  .openapi("Info");

const route = defineRoute({
  method: "get",
  path: "/info",
  operationId: "getInfo",
  summary: "Service name, version and debug flag",
  tags: ["System"],
  responses: {
    200: {
      description: "Service information",
      content: { "application/json": { schema: InfoSchema } },
    },
  },
});

export function registerInfo(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, (c) => {
    const { APP_NAME, APP_VERSION, DEBUG } = c.get("services").settings;
    return c.json(InfoSchema.parse({ name: APP_NAME, version: APP_VERSION, debug: DEBUG }), 200);
  });
}
