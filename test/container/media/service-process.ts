/** The media service as a real process, started the way `npm run dev` starts it, for signal and startup tests. */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { MEDIA_PROCESS_ENV } from "../../../container/src/process-env";
import { MEDIA_SERVICE_COMMAND } from "../../stack/local-stack";

const ROOT = path.resolve(import.meta.dirname, "../../..");

export interface ServiceProcess {
  url: string;
  /** MEDIA_SERVICE_SECRET it was started with. */
  secret: string;
  tmpDir: string;
  child: ChildProcess;
  /** Exit code (null after a signal), once the process and the service under it have exited. */
  exited: Promise<number | null>;
  /** Everything the process printed so far. */
  output(): string;
  /** Signals the whole process group, as the local stack does on Ctrl-C. */
  signal(signal: NodeJS.Signals): void;
  /** Pids of the group's processes still alive (the service, its ffmpeg), or only those named `name`. */
  alive(name?: string): number[];
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("port"))));
    });
  });
}

function groupMembers(pgid: number, name?: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 5 of /proc/<pid>/stat is the process group; the name in field 2 may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const command = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      if (Number(fields[2]) === pgid && fields[0] !== "Z" && (name === undefined || command === name)) {
        pids.push(Number(entry));
      }
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** Starts the service as `npm run dev` does, in its own process group; resolves once /health answers. */
export async function spawnMediaService(env: Record<string, string>): Promise<ServiceProcess> {
  const port = await freePort();
  const tmpDir = await mkdtemp(path.join(os.tmpdir(), "media-process-"));
  const secret = env.MEDIA_SERVICE_SECRET ?? randomBytes(32).toString("hex");
  const [node, ...args] = MEDIA_SERVICE_COMMAND;
  const child = spawn(node, args, {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...MEDIA_PROCESS_ENV,
      PORT: String(port),
      MEDIA_TMP_DIR: tmpDir,
      LOG_LEVEL: "info",
      MEDIA_SERVICE_SECRET: secret,
      ...env,
    } as Record<string, string | undefined> as unknown as NodeJS.ProcessEnv,
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-50_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const pgid = child.pid ?? -1;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await rm(tmpDir, { recursive: true, force: true });
      throw new Error(`media service exited with ${child.exitCode ?? child.signalCode}:\n${output}`);
    }
    const healthy = await fetch(`${url}/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      process.kill(-pgid, "SIGKILL");
      await rm(tmpDir, { recursive: true, force: true });
      throw new Error(`media service did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    secret,
    tmpDir,
    child,
    exited,
    output: () => output,
    signal: (signal) => process.kill(-pgid, signal),
    alive: (name) => groupMembers(pgid, name),
  };
}
