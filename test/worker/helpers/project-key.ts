import { exports } from "cloudflare:workers";
import { ErrorEnvelopeSchema } from "../../../worker/errors";
import { type CreatedApiKeyResponse, CreatedApiKeySchema } from "../../../worker/routes/api-keys/schema";

/** ADMIN_API_KEY as set for Worker tests in test/vitest.config.ts. */
export const TEST_ADMIN_KEY = "test-admin-key";

export const bearer = (key: string): Record<string, string> => ({ Authorization: `Bearer ${key}` });

/** A fresh project id, so each test owns its data. */
export const uniqueProjectId = (label = "p") => `${label}-${crypto.randomUUID()}`;

/** Creates a project API key through the admin route and returns the response, plaintext key included. */
export async function createProjectKey(projectId: string, name = "test"): Promise<CreatedApiKeyResponse> {
  const res = await exports.default.fetch(
    new Request(`https://api.test/projects/${projectId}/api-keys`, {
      method: "POST",
      headers: { ...bearer(TEST_ADMIN_KEY), "Content-Type": "application/json" },
      body: JSON.stringify({ name }),
    }),
  );
  if (res.status !== 201) throw new Error(`createProjectKey(${projectId}) failed: ${res.status} ${await res.text()}`);
  return CreatedApiKeySchema.parse(await res.json());
}

/** Parses an error response with the published envelope schema and returns its code. */
export async function errorCode(res: Response): Promise<string> {
  return ErrorEnvelopeSchema.parse(await res.json()).error.code;
}
