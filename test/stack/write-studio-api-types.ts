import { writeFile } from "node:fs/promises";
import path from "node:path";
import { currentOpenApiDocument, STUDIO_API_TYPES, studioApiTypes } from "./studio-api-types";

// `npm run studio:api-types`: regenerates Studio's API types after a route or schema changed.
const target = path.resolve(import.meta.dirname, "../..", STUDIO_API_TYPES);
await writeFile(target, await studioApiTypes(await currentOpenApiDocument()));
console.log(`wrote ${path.relative(process.cwd(), target)}`);
