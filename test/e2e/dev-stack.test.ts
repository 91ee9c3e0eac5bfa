import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { HealthSchema } from "../../worker/routes/system/health";
import { type LocalStack, startLocalStack } from "../stack/local-stack";

const persistTo = mkdtempSync(path.join(tmpdir(), "dev-stack-"));
let stack: LocalStack | undefined;

afterAll(async () => {
  await stack?.stop();
  rmSync(persistTo, { recursive: true, force: true });
});

it("the `npm run dev` stack answers /health within 30 s", async () => {
  const started = Date.now();
  stack = await startLocalStack({ port: 18_787, mediaPort: 18_788, persistTo });
  const elapsed = Date.now() - started;
  const res = await fetch(`${stack.apiUrl}/health`);
  expect(res.status).toBe(200);
  expect(HealthSchema.parse(await res.json()).status).toBe("healthy");
  expect(res.headers.get("x-request-id")).toBeTruthy();
  expect((await fetch(`${stack.mediaUrl}/health`)).status).toBe(200);
  expect(elapsed).toBeLessThan(30_000);
});

it("prints the Worker's log lines and wrangler's request lines", async () => {
  const requestId = `dev-stack-log-${Date.now()}`;
  expect((await fetch(`${stack!.apiUrl}/health`, { headers: { "X-Request-Id": requestId } })).status).toBe(200);
  await expect
    .poll(() => stack!.workerOutput(), { timeout: 5_000 })
    .toMatch(new RegExp(`"message":"request","request_id":"${requestId}".*"path":"/health","status":200`));
  expect(stack!.workerOutput()).toMatch(/GET \/health 200 OK/);
});

it("rejects a bad setting before starting anything, naming it", async () => {
  await expect(
    startLocalStack({ port: 18_789, mediaPort: 18_790, persistTo, env: { JOB_MAX_ATTEMPTS: "abc" } }),
  ).rejects.toThrow(/JOB_MAX_ATTEMPTS/);
});
