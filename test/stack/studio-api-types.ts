import openapiTS, { astToString } from "openapi-typescript";
import { startWorker } from "../node/worker-under-test";

/** Where Studio's typed client reads the API's types from; generated, never edited by hand. */
export const STUDIO_API_TYPES = "worker/studio/client/api-types.ts";

const HEADER = `// Generated from GET /openapi.json by \`npm run studio:api-types\`; a test fails when it drifts from the API.\n\n`;

/** The API's current OpenAPI document, as the real Worker serves it. */
export async function currentOpenApiDocument(): Promise<unknown> {
  const worker = await startWorker();
  try {
    const res = await worker.fetch("/openapi.json");
    if (!res.ok) throw new Error(`GET /openapi.json answered ${res.status}`);
    return await res.json();
  } finally {
    await worker.stop();
  }
}

/** The TypeScript types openapi-fetch takes, for one OpenAPI document. */
export async function studioApiTypes(document: unknown): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return HEADER + astToString(ast);
}
