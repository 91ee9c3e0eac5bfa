import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

it("wrangler deploy --dry-run bundles the Worker offline", async () => {
  const outdir = mkdtempSync(path.join(tmpdir(), "dry-run-"));
  try {
    const { stdout } = await promisify(execFile)(
      path.join(ROOT, "node_modules/.bin/wrangler"),
      ["deploy", "--dry-run", "--outdir", outdir],
      { cwd: ROOT, env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" }, timeout: 120_000 },
    );
    expect(stdout).toContain("--dry-run: exiting now.");
    expect(readdirSync(outdir)).toContain("index.js");
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}, 120_000);
