import { spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Applies migrations/ to the local D1 of a bench's own config and state directory; fails with wrangler's output. */
export async function applyLocalMigrations(config: string, persist: string): Promise<void> {
  const migrate = spawn(
    path.join(ROOT, "node_modules/.bin/wrangler"),
    ["d1", "migrations", "apply", "DB", "--local", "--config", config, "--persist-to", persist],
    { cwd: ROOT, env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" }, stdio: "pipe" },
  );
  let output = "";
  migrate.stdout.on("data", (chunk) => (output += chunk));
  migrate.stderr.on("data", (chunk) => (output += chunk));
  if ((await new Promise((resolve) => migrate.once("exit", resolve))) !== 0) throw new Error(`migrations:\n${output}`);
}
