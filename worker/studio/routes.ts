import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import studioScript from "./dist/studio-bundle.txt";
import studioCss from "./studio.css";

const SCRIPT_PATH = "/studio/assets/studio.js";
const CSS_PATH = "/studio/assets/studio.css";

// Everything from this origin and nothing else: Studio loads no CDN script or font, and talks only to this API.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "style-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Studio</title>
<link rel="stylesheet" href="${CSS_PATH}">
<script type="module" src="${SCRIPT_PATH}"></script>
</head>
<body>
<div id="studio"><noscript>Studio needs JavaScript.</noscript></div>
</body>
</html>`;

/**
 * Studio, the reference client, on the API's own origin: one HTML page (pages are addressed by the URL hash),
 * its bundle and its stylesheet. Not part of the API document.
 */
export function registerStudio(app: OpenAPIHono<AppEnv>) {
  app.get("/studio", (c) => c.html(PAGE, 200, { "Content-Security-Policy": CONTENT_SECURITY_POLICY }));
  app.get("/studio/", (c) => c.redirect("/studio", 308));
  app.get(SCRIPT_PATH, (c) =>
    c.body(studioScript, 200, { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache" }),
  );
  app.get(CSS_PATH, (c) =>
    c.body(studioCss, 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "no-cache" }),
  );
}
