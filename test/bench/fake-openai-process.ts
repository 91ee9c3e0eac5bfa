/** The fake OpenAI as its own process, like the real API: its work must not share the measured service's event loop. */
import { spawn } from "node:child_process";
import path from "node:path";
import type { FakeEndpoint, ReceivedRequest } from "../fake-openai/behaviours";

const ROOT = path.resolve(import.meta.dirname, "../..");

export type FakeProcess = Awaited<ReturnType<typeof startFakeProcess>>;

export async function startFakeProcess(apiKey: string) {
  const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
  const args = ["test/fake-openai/main.ts", "--port", "0", "--api-key", apiKey, "--no-speech-analysis"];
  const child = spawn(tsx, args, { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`fake OpenAI exited ${code}`)));
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (text: string) => {
      const match = /"url":"([^"]+)"/.exec(text);
      if (match) resolve(match[1]!);
    });
  });
  const control = url.replace(/\/v1$/, "/__control");
  const post = (route: string, body: unknown) =>
    fetch(`${control}/${route}`, { method: "POST", body: JSON.stringify(body) });
  return {
    url,
    setLatency: (ms: number) => post("latency", { ms }),
    // Reset also turns speech analysis back on; the benchmarks keep the fake's own work minimal.
    reset: async () => {
      await post("reset", {});
      await post("speech-analysis", { enabled: false });
    },
    requests: async (endpoint: FakeEndpoint) => {
      const answer = await fetch(`${control}/requests?endpoint=${endpoint}`);
      return ((await answer.json()) as { requests: ReceivedRequest[] }).requests;
    },
    stop: () => child.kill("SIGTERM"),
  };
}
