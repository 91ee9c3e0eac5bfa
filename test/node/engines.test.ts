import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import semver from "semver";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);
const engines = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { engines: { node: string } })
  .engines.node;
const floor = semver.minVersion(engines)!.version;

/** npm, started through the Node running this suite (the one the npm scripts chose). */
const npm = (args: string[]) =>
  run("npm", args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } });

describe("package.json engines", () => {
  it("are met by the Node running this suite", () => {
    expect(semver.satisfies(process.version, engines), `${process.version} vs ${engines}`).toBe(true);
  });

  it("are what the installed packages need: each accepts the lowest Node they allow", async () => {
    const { stdout } = await npm(["query", "*"]);
    const packages = JSON.parse(stdout) as { name: string; version: string; engines?: { node?: string } }[];
    const needing = packages.filter((pkg) => pkg.engines?.node);
    expect(needing.map((pkg) => pkg.name)).toEqual(expect.arrayContaining(["wrangler", "miniflare", "openai"]));
    const refusing = needing
      .filter((pkg) => !semver.satisfies(floor, pkg.engines!.node!, { includePrerelease: true }))
      .map((pkg) => `${pkg.name}@${pkg.version} needs ${pkg.engines!.node}`);
    expect(refusing, `package.json allows ${engines}`).toEqual([]);
    // And the floor is not lower than it has to be: some package refuses the Node just below it.
    const below = `${semver.major(floor)}.${semver.minor(floor) - 1}.0`;
    expect(needing.some((pkg) => !semver.satisfies(below, pkg.engines!.node!))).toBe(true);
  }, 60_000);

  it("raise no engine warning on install", async () => {
    const { stderr } = await npm(["install", "--dry-run", "--engine-strict", "--no-audit", "--no-fund"]);
    expect(stderr).not.toMatch(/EBADENGINE/);
  }, 60_000);

  it("hold for the media service image: each stage runs a Node LTS they allow", () => {
    const dockerfile = readFileSync(path.join(ROOT, "container/Dockerfile"), "utf8");
    const majors = [...dockerfile.matchAll(/^FROM node:(\d+)-/gm)].map((match) => Number(match[1]));
    expect(majors.length).toBeGreaterThanOrEqual(2);
    for (const major of majors) {
      expect([22, 24]).toContain(major);
      expect(major).toBeGreaterThanOrEqual(semver.major(floor));
    }
  });
});
