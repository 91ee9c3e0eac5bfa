import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { cp } from "node:fs/promises";
import path from "node:path";
import { MEDIA_PROCESS_ENV } from "../../container/src/process-env";
import { parseSettings, SETTING_NAMES } from "../../worker/env";
import { wranglerCapacityIssues } from "./capacity-check";
import { writeLocalWranglerConfig } from "./dev-config";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "node_modules/.bin");

export interface LocalStackOptions {
  /** Worker port (wrangler dev). */
  port?: number;
  /** Media service port. */
  mediaPort?: number;
  /** One media service process per port, one per media instance (MEDIA_SERVICE_URL lists them); overrides mediaPort. */
  mediaPorts?: number[];
  /** Settings for both processes, on top of the shell environment and .dev.vars. */
  env?: Record<string, string>;
  /** Where local D1/R2/DO state lives; wrangler's default (.wrangler/state) when omitted. */
  persistTo?: string;
  /**
   * wrangler's DevTools inspector port; its default (the first free one from 9229) when omitted. Stacks started
   * at the same moment must each name one: two wranglers looking for a free port together pick the same one.
   */
  inspectorPort?: number;
  /** Print the children's output (dev) or keep it for error messages only (tests, benchmarks). */
  inheritOutput?: boolean;
  /**
   * A persist directory whose D1 has every migration applied (migrateLocalD1): its D1 is copied into persistTo
   * instead of migrating again, which starts wrangler and workerd three times (the e2e tests make one per run).
   */
  migratedD1From?: string;
}

export interface LocalStack {
  apiUrl: string;
  /** The first media service (instance 0). */
  mediaUrl: string;
  /** Every media service, instance by instance. */
  mediaUrls: string[];
  /** Kills media instance `index`'s process group with SIGKILL (a container dying), resolving once it is gone. */
  killMedia(index: number): Promise<void>;
  /** The Worker runtime (workerd) process id, for memory measurements. */
  workerdPid(): number | undefined;
  /** The last 20 kB wrangler dev printed (the Worker's log lines among them) when its output is not inherited. */
  workerOutput(): string;
  stop(): Promise<void>;
}

/** KEY=VALUE lines of .dev.vars, so settings are validated before anything starts. */
function readDevVars(): Record<string, string> {
  const file = path.join(ROOT, ".dev.vars");
  if (!existsSync(file)) return {};
  const vars: Record<string, string> = {};
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match?.[1]) vars[match[1]] = match[2]!.replace(/^(['"])(.*)\1$/, "$2");
  }
  return vars;
}

/** Settings given in the shell (or options) become `--var` flags: wrangler dev does not read process.env. */
export function settingsFromEnvironment(extra: Record<string, string> = {}): Record<string, string> {
  const chosen: Record<string, string> = {};
  for (const name of [...SETTING_NAMES, "ADMIN_API_KEY"]) {
    const value = extra[name] ?? process.env[name];
    if (value !== undefined) chosen[name] = value;
  }
  for (const [name, value] of Object.entries(extra)) chosen[name] = value;
  return chosen;
}

/**
 * How the local stack starts the media service: one Node process with tsx as a loader. Under the tsx CLI a
 * wrapper process relays signals and SIGKILLs the service if it does not acknowledge one within ~30 ms, so a
 * busy service was killed mid-cleanup and left its workspace behind.
 */
export const MEDIA_SERVICE_COMMAND = [process.execPath, "--import", "tsx", "container/src/main.ts"] as const;

function run(command: string, args: string[], env: NodeJS.ProcessEnv, inherit: boolean) {
  const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: inherit ? "inherit" : "pipe" });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output = (output + chunk).slice(-20_000);
  });
  child.stderr?.on("data", (chunk) => {
    output = (output + chunk).slice(-20_000);
  });
  return { child, output: () => output };
}

async function waitForHealth(url: string, proc: ReturnType<typeof run>, timeoutMs: number, name: string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) throw new Error(`${name} exited with ${proc.child.exitCode}:\n${proc.output()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} did not answer ${url} within ${timeoutMs} ms:\n${proc.output()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }, 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}

function findWorkerd(rootPid: number): number | undefined {
  // workerd is a grandchild of wrangler; walk /proc to find it.
  const children = (pid: number): number[] => {
    try {
      return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "workerd") return pid;
    } catch {
      continue;
    }
    queue.push(...children(pid));
  }
  return undefined;
}

// Local runs must not reach out: no telemetry. wrangler's local trace collector (the Local Explorer's
// observability view) stays off unless asked for: it streams every request's spans into its own SQLite object,
// inside the Worker's runtime. The log lines in the terminal do not go through it.
const wranglerEnv = () => ({
  ...process.env,
  CI: "true",
  WRANGLER_SEND_METRICS: "false",
  X_LOCAL_OBSERVABILITY: process.env.X_LOCAL_OBSERVABILITY ?? "false",
});

/** Where wrangler keeps local D1 databases under a persist directory. */
const D1_STATE = path.join("v3", "d1");

/** Applies migrations/ to the local D1 in persistTo (wrangler's default state when omitted). */
export async function migrateLocalD1(persistTo?: string, inheritOutput = false): Promise<void> {
  const migrate = run(
    path.join(BIN, "wrangler"),
    [
      ...["d1", "migrations", "apply", "DB", "--local", "--config", writeLocalWranglerConfig()],
      ...(persistTo ? ["--persist-to", persistTo] : []),
    ],
    wranglerEnv(),
    inheritOutput,
  );
  const migrateCode = await new Promise<number | null>((resolve) => migrate.child.once("exit", resolve));
  if (migrateCode !== 0) throw new Error(`D1 migrations failed:\n${migrate.output()}`);
}

/**
 * Starts what `npm run dev` runs: the media service as a Node process and the Worker under
 * wrangler dev (local D1, R2, Queues, Durable Objects), wired together through MEDIA_SERVICE_URL.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const port = options.port ?? 8787;
  const mediaPorts = options.mediaPorts ?? [options.mediaPort ?? 8790];
  const inherit = options.inheritOutput ?? false;
  const mediaUrls = mediaPorts.map((mediaPort) => `http://127.0.0.1:${mediaPort}`);
  const devVars = readDevVars();
  // Both processes get the same secret; a local run makes one up unless one is configured.
  const mediaSecret =
    options.env?.MEDIA_SERVICE_SECRET ??
    process.env.MEDIA_SERVICE_SECRET ??
    devVars.MEDIA_SERVICE_SECRET ??
    randomBytes(32).toString("hex");
  const settings = settingsFromEnvironment({
    DEPLOY_ENV: "development",
    ...options.env,
    MEDIA_SERVICE_URL: mediaUrls.join(","),
    MEDIA_SERVICE_SECRET: mediaSecret,
  });
  // Fail fast, naming the bad variable, before any process starts.
  const parsed = parseSettings({ ...devVars, ...settings });
  const capacity = wranglerCapacityIssues(undefined, { ...devVars, ...settings });
  if (capacity.length > 0) throw new Error(`Inconsistent concurrency settings:\n- ${capacity.join("\n- ")}`);
  if (parsed.DEPLOY_ENV === "development" && !parsed.ADMIN_API_KEY) {
    console.warn(
      "WARNING: ADMIN_API_KEY is not set, so authentication is OFF: every route is open (development only).",
    );
  }

  const persist = options.persistTo ? ["--persist-to", options.persistTo] : [];
  const config = ["--config", writeLocalWranglerConfig()];
  if (options.migratedD1From === undefined) await migrateLocalD1(options.persistTo, inherit);
  else if (options.persistTo === undefined) throw new Error("migratedD1From needs persistTo");
  else
    await cp(path.join(options.migratedD1From, D1_STATE), path.join(options.persistTo, D1_STATE), { recursive: true });

  const [node, ...mediaArgs] = MEDIA_SERVICE_COMMAND;
  const media = mediaPorts.map((mediaPort) =>
    run(
      node,
      mediaArgs,
      { ...MEDIA_PROCESS_ENV, ...process.env, ...settings, HOST: "127.0.0.1", PORT: String(mediaPort) },
      inherit,
    ),
  );
  const varFlags = Object.entries(settings).flatMap(([name, value]) => ["--var", `${name}:${value}`]);
  const worker = run(
    path.join(BIN, "wrangler"),
    [
      "dev",
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--enable-containers=false",
      ...(options.inspectorPort === undefined ? [] : ["--inspector-port", String(options.inspectorPort)]),
      "--show-interactive-dev-session=false",
      ...config,
      ...persist,
      ...varFlags,
    ],
    wranglerEnv(),
    inherit,
  );

  const stop = async () => {
    await Promise.all([worker, ...media].map((proc) => stopProcess(proc.child)));
  };
  try {
    await Promise.all([
      ...media.map((proc, i) => waitForHealth(`${mediaUrls[i]}/health`, proc, 30_000, "media service")),
      waitForHealth(`http://127.0.0.1:${port}/health`, worker, 60_000, "wrangler dev"),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    apiUrl: `http://127.0.0.1:${port}`,
    mediaUrl: mediaUrls[0]!,
    mediaUrls,
    killMedia: (index) => {
      const { child } = media[index]!;
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
      const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      process.kill(-child.pid, "SIGKILL");
      return gone;
    },
    workerdPid: () => (worker.child.pid ? findWorkerd(worker.child.pid) : undefined),
    workerOutput: worker.output,
    stop,
  };
}
