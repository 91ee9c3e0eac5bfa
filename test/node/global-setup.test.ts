import { spawn } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Runs vitest on `config` and kills it after `limitMs`: a hang shows as code null. */
function runVitest(config: string, limitMs: number): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [path.join(ROOT, "node_modules/vitest/vitest.mjs"), "run", "--config", config],
    {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), limitMs);
  return new Promise((resolve) => {
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}

it("a failing Worker test setup stops what it started and ends the run with the reason and a non-zero exit", async () => {
  const { code, output, ms } = await runVitest("test/node/failing-setup/vitest.config.ts", 90_000);
  expect(code, output).not.toBe(null);
  expect(code, output).not.toBe(0);
  expect(output).toContain("media fixtures: fixture step broken on purpose");
  expect(ms).toBeLessThan(60_000);
  // Both media services and their fake OpenAI servers had started; none answers any more.
  const stopped = [...output.matchAll(/(?:media service|fake OpenAI) (http:\/\/127\.0\.0\.1:\d+[^\s,]*)/g)];
  expect(stopped).toHaveLength(4);
  for (const [, url] of stopped) {
    await expect(fetch(url!), url).rejects.toThrow();
  }
}, 120_000);
