// Bundles the media service into one ESM file for the container image (and for `node dist/media/main.mjs`).
import { build } from "esbuild";

await build({
  entryPoints: ["container/src/main.ts"],
  outfile: "dist/media/main.mjs",
  bundle: true,
  platform: "node",
  target: "node22",
  format: "esm",
  sourcemap: true,
  // Only loaded when ffmpeg is not on PATH; the image has Debian's ffmpeg, so they stay out of the bundle.
  external: ["@ffmpeg-installer/ffmpeg", "@ffprobe-installer/ffprobe"],
  // fluent-ffmpeg is CommonJS: give it require/__dirname inside the ESM bundle.
  banner: {
    js: [
      "import { createRequire as __createRequire } from 'node:module';",
      "import { fileURLToPath as __fileURLToPath } from 'node:url';",
      "import { dirname as __pathDirname } from 'node:path';",
      "const require = __createRequire(import.meta.url);",
      "const __filename = __fileURLToPath(import.meta.url);",
      "const __dirname = __pathDirname(__filename);",
    ].join(" "),
  },
  logLevel: "warning",
});
