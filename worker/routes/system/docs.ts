import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { DOCS_ASSETS, registerDocsAssets } from "./docs-assets";

const head = (title: string) => `<meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>`;

// Every script and style is served by this Worker: the pages work offline and load nothing from a CDN.
// validatorUrl: null keeps Swagger UI from fetching a badge from validator.swagger.io.
const SWAGGER_UI_HTML = `<!doctype html>
<html>
  <head>
    ${head("API explorer")}
    <link rel="stylesheet" href="${DOCS_ASSETS.swaggerUiCss}" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${DOCS_ASSETS.swaggerUiScript}"></script>
    <script>
      window.ui = SwaggerUIBundle({
        url: "/openapi.json",
        dom_id: "#swagger-ui",
        persistAuthorization: true,
        validatorUrl: null,
      });
    </script>
  </body>
</html>`;

const REDOC_HTML = `<!doctype html>
<html>
  <head>
    ${head("API reference")}
  </head>
  <body>
    <redoc spec-url="/openapi.json"></redoc>
    <script src="${DOCS_ASSETS.redocScript}"></script>
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
      "A stream token from POST /projects/{project_id}/stream-tokens, for EventSource, WebSocket and media players (`<video src>`).",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "uploadToken", {
    type: "apiKey",
    in: "query",
    name: "token",
    description: "The token of a direct upload URL (POST /projects/{project_id}/uploads/direct) or of its Location.",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "learnerToken", {
    type: "apiKey",
    in: "query",
    name: "token",
    description:
      "A learner token (`elt_...`) from POST /projects/{project_id}/quizzes/{quiz_id}/learner-tokens, also accepted as the bearer.",
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
            "Turns lesson videos into quizzes. Apps upload a lesson (one-shot, resumable tus or a direct URL); the " +
            "service probes it with FFmpeg, transcribes it with Whisper, and generates quiz questions tied to the " +
            "moments of the lesson that answer them, alongside highlight scenes and rendered clips. Long work runs " +
            "as jobs with live progress over SSE and WebSocket.",
        },
      });
      documents.set(settings, document);
    }
    return c.json(document);
  });
  app.get("/docs", (c) => c.html(SWAGGER_UI_HTML));
  app.get("/redoc", (c) => c.html(REDOC_HTML));
  registerDocsAssets(app);
}
