import type { OpenAPIHono } from "@hono/zod-openapi";
import redocScript from "redoc/bundles/redoc.standalone.js";
import swaggerUiCss from "swagger-ui-dist/swagger-ui.css";
import swaggerUiScript from "swagger-ui-dist/swagger-ui-bundle.js";
import type { AppEnv } from "../../app-env";

/** Same-origin paths of the viewers' scripts and styles, so /docs and /redoc work with no internet. */
export const DOCS_ASSETS = {
  swaggerUiScript: "/docs/assets/swagger-ui-bundle.js",
  swaggerUiCss: "/docs/assets/swagger-ui.css",
  redocScript: "/docs/assets/redoc.standalone.js",
} as const;

const JS = "text/javascript; charset=utf-8";
const CSS = "text/css; charset=utf-8";

// The files are Text modules (wrangler.toml [[rules]]) from the exact versions pinned in package.json.
const FILES: [string, string, string][] = [
  [DOCS_ASSETS.swaggerUiScript, swaggerUiScript, JS],
  [DOCS_ASSETS.swaggerUiCss, swaggerUiCss, CSS],
  [DOCS_ASSETS.redocScript, redocScript, JS],
];

export function registerDocsAssets(app: OpenAPIHono<AppEnv>) {
  for (const [path, body, contentType] of FILES) {
    app.get(path, (c) => c.body(body, 200, { "Content-Type": contentType, "Cache-Control": "public, max-age=86400" }));
  }
}
