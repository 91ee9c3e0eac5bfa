import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { sha256Wat } from "../../worker/uploads/sha256-wat";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCE = "worker/uploads/sha256.wat";
const BINARY = "worker/uploads/sha256.wasm";

it("the committed SHA-256 WebAssembly is what its generator and wat2wasm build (npm run build:sha256)", () => {
  expect(readFileSync(path.join(ROOT, SOURCE), "utf8") === sha256Wat(), `${SOURCE} is stale`).toBe(true);
  const work = mkdtempSync(path.join(os.tmpdir(), "sha256-wasm-"));
  try {
    const rebuilt = path.join(work, "sha256.wasm");
    execFileSync(path.join(ROOT, "node_modules/.bin/wat2wasm"), [path.join(ROOT, SOURCE), "-o", rebuilt]);
    const fresh = readFileSync(rebuilt);
    const committed = readFileSync(path.join(ROOT, BINARY));
    expect(fresh.equals(committed), `${BINARY} is stale: run \`npm run build:sha256\``).toBe(true);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
