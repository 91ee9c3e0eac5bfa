import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { currentOpenApiDocument, STUDIO_API_TYPES, studioApiTypes } from "../stack/studio-api-types";

const ROOT = path.resolve(import.meta.dirname, "../..");

it("Studio's API types are those of the API as it is now (npm run studio:api-types regenerates them)", async () => {
  const fresh = await studioApiTypes(await currentOpenApiDocument());
  const checkedIn = readFileSync(path.join(ROOT, STUDIO_API_TYPES), "utf8");
  expect(checkedIn === fresh, `${STUDIO_API_TYPES} is stale: run \`npm run studio:api-types\``).toBe(true);
}, 120_000);
