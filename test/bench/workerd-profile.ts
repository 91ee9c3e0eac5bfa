// A CPU profile of the bench Worker's isolate (its Worker and Durable Objects), taken over the inspector that
// wrangler's startWorker opens (`dev.inspector`), with the Chrome DevTools Protocol's Profiler domain. Bench-only.
import { writeFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Connects to the isolate's inspector and starts sampling; stop() writes the .cpuprofile and returns the top self-times. */
export async function startProfile(inspectorUrl: URL, file: string) {
  const http = new URL(inspectorUrl.href.replace(/^ws/, "http"));
  const targets = (await (await fetch(new URL("/json", http))).json()) as { webSocketDebuggerUrl: string }[];
  const target = targets[0]?.webSocketDebuggerUrl;
  if (!target) throw new Error(`no inspector target at ${http.href}`);
  // wrangler's inspector proxy wants a local Origin (what DevTools sends); undici's WebSocket takes headers.
  const ws = new WebSocket(target, { headers: { Origin: "http://localhost" } } as unknown as string[]);
  await new Promise((resolve, reject) => {
    ws.addEventListener("open", resolve, { once: true });
    ws.addEventListener("error", reject, { once: true });
  });
  let next = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  ws.addEventListener("message", (message) => {
    const data = JSON.parse(String(message.data)) as { id?: number; result?: unknown };
    if (data.id !== undefined) waiting.get(data.id)?.(data.result);
  });
  const send = <T>(method: string, params: object = {}) =>
    new Promise<T>((resolve) => {
      const id = next++;
      waiting.set(id, resolve as (result: unknown) => void);
      ws.send(JSON.stringify({ id, method, params }));
    });
  await send("Profiler.enable");
  await send("Profiler.setSamplingInterval", { interval: 500 });
  await send("Profiler.start");
  return {
    async stop(top = 25) {
      const { profile } = await send<{ profile: CpuProfile }>("Profiler.stop");
      ws.close();
      writeFileSync(file, JSON.stringify(profile));
      return selfTimes(profile, top);
    },
  };
}

/** Self time per function (name and file:line), as a share of all samples, largest first. */
function selfTimes(profile: CpuProfile, top: number) {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((nodeId, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    const frame = byNode.get(nodeId)?.callFrame;
    const name = frame
      ? `${frame.functionName || "(anonymous)"} ${frame.url.split("/").slice(-2).join("/")}:${frame.lineNumber + 1}`
      : "?";
    self.set(name, (self.get(name) ?? 0) + delta);
    total += delta;
  });
  const wallMs = (profile.endTime - profile.startTime) / 1000;
  return {
    wall_ms: Math.round(wallMs),
    top_self_time: [...self.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => `${((100 * us) / total).toFixed(1)}% ${Math.round(us / 1000)} ms ${name}`),
  };
}
