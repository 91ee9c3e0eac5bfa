import { env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ErrorEnvelopeSchema } from "../../../worker/errors";
import { bearer, createProjectKey, TEST_ADMIN_KEY, uniqueProjectId } from "../helpers/project-key";

const api = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`https://api.test${path}`, init));

// [[ratelimits]] API_RATE_LIMITER in wrangler.toml: 100 requests per 10 s window per key. The binding counts
// in fixed windows, so 2 * limit + 1 requests are enough to exceed it even if they straddle a window edge.
const LIMIT = 100;
const PERIOD = Number(env.RATE_LIMIT_PERIOD_SECONDS);

async function requestUntilLimited(path: string, key: string): Promise<{ response: Response; sent: number }> {
  for (let sent = 1; sent <= 2 * LIMIT + 1; sent++) {
    const response = await api(path, { headers: bearer(key) });
    if (response.status === 429) return { response, sent };
    expect(response.status).toBe(200);
    await response.body?.cancel();
  }
  throw new Error(`no 429 after ${2 * LIMIT + 1} requests`);
}

// Up to 201 sequential requests per test: the default 5 s is about speed, which these tests do not measure.
describe("rate limits", { timeout: 30_000 }, () => {
  it("a project key over its budget gets 429 with Retry-After in the error envelope", async () => {
    const projectId = uniqueProjectId();
    const { key } = await createProjectKey(projectId);
    const { response, sent } = await requestUntilLimited(`/projects/${projectId}/api-keys`, key);
    // A fresh key always gets at least one full window of requests through.
    expect(sent).toBeGreaterThan(LIMIT);
    expect(response.headers.get("Retry-After")).toBe(String(PERIOD));
    const body = ErrorEnvelopeSchema.parse(await response.json());
    expect(body.error.code).toBe("RATE_LIMITED");

    // The budget is per key: a sibling key of the same project and the admin key still get through.
    const sibling = await createProjectKey(projectId, "sibling");
    expect((await api(`/projects/${projectId}/api-keys`, { headers: bearer(sibling.key) })).status).toBe(200);
    expect((await api(`/projects/${projectId}/api-keys`, { headers: bearer(TEST_ADMIN_KEY) })).status).toBe(200);
  });
});
