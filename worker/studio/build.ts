import path from "node:path";
import { build } from "esbuild";

const HERE = import.meta.dirname;
/** The browser bundle the Worker serves at /studio/assets/studio.js (a Text module: wrangler bundles .txt files as text). */
export const STUDIO_BUNDLE = path.join(HERE, "dist/studio-bundle.txt");

/**
 * Bundles Studio's client (worker/studio/client, TSX on hono/jsx/dom and openapi-fetch) for the browser. Run by
 * wrangler's [build] before `wrangler dev` and deploy, and by the test setups; takes well under a second.
 */
export async function buildStudio(): Promise<{ bytes: number }> {
  const result = await build({
    entryPoints: [path.join(HERE, "client/main.tsx")],
    outfile: STUDIO_BUNDLE,
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2022",
    jsx: "automatic",
    jsxImportSource: "hono/jsx/dom",
    legalComments: "none",
    metafile: true,
    logLevel: "warning",
  });
  return { bytes: result.metafile.outputs[path.relative(process.cwd(), STUDIO_BUNDLE)]?.bytes ?? 0 };
}

if (process.argv[1] === import.meta.filename) await buildStudio();
