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
  app.openAPIRegistry.registerComponent("securitySchemes", "streamToken", {
    type: "apiKey",
    in: "query",
    name: "access_token",
    description:
      "A stream token from POST /projects/{project_id}/stream-tokens, for EventSource and WebSocket clients.",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "uploadToken", {
    type: "apiKey",
    in: "query",
    name: "token",
    description: "The token of a direct upload URL (POST /projects/{project_id}/uploads/direct) or of its Location.",
  });
  // Generated once per isolate and settings (routes never change at runtime); a generation failure
  // is a programming error and leaves through onError in the one envelope.
  const documents = new WeakMap<object, ReturnType<typeof app.getOpenAPIDocument>>();
  app.get("/openapi.json", (c) => {
    const settings = c.get("services").settings;
    let document = documents.get(settings);
    if (!document) {
      document = app.getOpenAPIDocument({
        openapi: "3.0.3",
        info: {
          title: settings.APP_NAME,
          version: settings.APP_VERSION,
          description:
            "Edge media backend: uploads, FFmpeg ingest, Whisper transcription, GPT scene detection and timeline exports, run as jobs with live events.",
        },
      });
      documents.set(settings, document);
    }
    return c.json(document);
  });
  app.get("/docs", swaggerUI({ url: "/openapi.json", persistAuthorization: true }));
  app.get("/redoc", (c) => c.html(REDOC_HTML));
}
