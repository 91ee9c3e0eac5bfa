import { swaggerUI } from "@hono/swagger-ui";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";

const REDOC_HTML = `<!doctype html>
<html>
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>API reference</title>
  </head>
  <body>
    <redoc spec-url="/openapi.json"></redoc>
    <script src="https://cdn.redoc.ly/redoc/latest/bundles/redoc.standalone.js"></script>
  </body>
</html>`;

/** The OpenAPI document and the two viewers that load it. */
export function registerDocs(app: OpenAPIHono<AppEnv>) {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description:
      "The admin key (ADMIN_API_KEY) or a project API key (`emk_...`, from POST /projects/{project_id}/api-keys).",
  });
  app.doc("/openapi.json", (c) => {
    const { APP_NAME, APP_VERSION } = c.get("services").settings;
    return {
      openapi: "3.0.3",
      info: {
        title: APP_NAME,
        version: APP_VERSION,
        description:
          "Edge media backend: uploads, FFmpeg ingest, Whisper transcription, GPT scene detection and timeline exports, run as jobs with live events.",
      },
    };
  });
  app.get("/docs", swaggerUI({ url: "/openapi.json", persistAuthorization: true }));
  app.get("/redoc", (c) => c.html(REDOC_HTML));
}
