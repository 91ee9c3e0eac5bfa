import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../../worker/app";
import { CreatedApiKeySchema } from "../../../worker/routes/api-keys/schema";
import { StreamTokenSchema } from "../../../worker/routes/stream-tokens/schema";
import { bearer, TEST_ADMIN_KEY, uniqueProjectId } from "../helpers/project-key";

// Tests run with LOG_LEVEL=ERROR; this env logs everything, so the check sees every line the app writes.
const verbose = { ...env, LOG_LEVEL: "DEBUG" };
const app = createApp();
const call = (path: string, init?: RequestInit) => app.request(`https://api.test${path}`, init, verbose);

afterEach(() => vi.restoreAllMocks());

describe("secrets in logs", () => {
  it("no log line contains a project key, the admin key or a stream token", async () => {
    const lines: string[] = [];
    const capture = (...args: unknown[]) => {
      lines.push(args.map(String).join(" "));
    };
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation(capture);
    }

    const projectId = uniqueProjectId();
    const create = await call(`/projects/${projectId}/api-keys`, { method: "POST", headers: bearer(TEST_ADMIN_KEY) });
    const { key, id } = CreatedApiKeySchema.parse(await create.json());
    const mint = await call(`/projects/${projectId}/stream-tokens`, { method: "POST", headers: bearer(key) });
    const { token } = StreamTokenSchema.parse(await mint.json());
    await call(`/projects/${projectId}/api-keys`, { headers: bearer(key) });
    await call(`/projects/${uniqueProjectId()}/api-keys`, { headers: bearer(key) });
    await call(`/projects/${projectId}/api-keys?access_token=${encodeURIComponent(token)}`);
    await call(`/projects/${projectId}/api-keys/${id}`, { method: "DELETE", headers: bearer(key) });
    await call(`/projects/${projectId}/api-keys`, { headers: bearer(key) });
    await call(`/projects/${projectId}/api-keys`, { headers: { Authorization: `Bearer ${key}-garbled` } });

    // The app did log these requests (so the check below is not vacuous)...
    expect(lines.some((line) => line.includes('"message":"api_key_created"'))).toBe(true);
    expect(lines.filter((line) => line.includes('"message":"request"')).length).toBeGreaterThanOrEqual(8);
    // ...and none of those lines carries a secret, whole or in its secret part.
    const secretPart = key.slice("emk_".length + 8);
    for (const line of lines) {
      expect(line).not.toContain(secretPart);
      expect(line).not.toContain(TEST_ADMIN_KEY);
      expect(line).not.toContain(token.split(".")[1] as string);
    }
  });
});
