// `npm run bench:webhooks -- --floor [--seconds 5]`
// What one request at a time per endpoint can do on this local stack before any webhook code runs: a sender object
// of the bench Worker (webhooks-worker.ts) makes plain POSTs one after another to a Node receiver here that answers
// 204 at once (no signing, logging or recording), alone and while the closed loop of changes runs (POST
// /__bench/change, as the full run makes them, to a project with no webhook endpoints: their D1 and project-object
// work, no deliveries), then 8 at a time (a sender's window) under that load. Then the same object makes RPCs to
// another object instead, to set in-process round trips against socket ones under the same load. Each phase lasts
// `seconds`. Besides the round trips it prints the changes/s, the CPU share of the Worker's workerd and of this
// process, and this process's event-loop delay (the receiver and the change clients share it), so a slow receiver
// side would show.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { cpuTicks } from "./workerd-usage";

const TICK_MS = 10; // /proc clock ticks (USER_HZ 100)

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

async function post(url: string): Promise<Response> {
  const res = await fetch(url, { method: "POST" });
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
  return res;
}

/** Changes `inFlight` at a time until `stop()`; how many were made and in how long. */
function changeLoop(apiUrl: string, projectId: string, inFlight: number) {
  let next = 0;
  let stopped = false;
  const started = performance.now();
  const lanes = Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (!stopped)
        await (await post(`${apiUrl}/__bench/change?project_id=${projectId}&seq=${next++}`)).body?.cancel();
    }),
  );
  return {
    async stop() {
      stopped = true;
      await lanes;
      return { made: next, seconds: (performance.now() - started) / 1000 };
    },
  };
}

async function phase(apiUrl: string, label: string, probeUrl: string | null, ms: number, inFlight: number, lanes = 1) {
  const loop = inFlight > 0 ? changeLoop(apiUrl, `floor-${Date.now()}`, inFlight) : undefined;
  // The changes get going before the probe starts, and go on until it has returned.
  if (loop) await new Promise((resolve) => setTimeout(resolve, 500));
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const workerdBefore = cpuTicks(process.pid);
  const ownBefore = process.cpuUsage();
  const started = performance.now();
  const query = new URLSearchParams({ ms: String(ms), lanes: String(lanes), ...(probeUrl ? { url: probeUrl } : {}) });
  const { trips } = (await (await post(`${apiUrl}/__bench/probe?${query}`)).json()) as { trips: number[] };
  const wallMs = performance.now() - started;
  const changes = await loop?.stop();
  delay.disable();
  const workerd = [...cpuTicks(process.pid)].map(([pid, ticks]) => ticks - (workerdBefore.get(pid) ?? 0));
  const own = process.cpuUsage(ownBefore);
  const sorted = trips.sort((a, b) => a - b);
  const share = (ms: number) => `${Math.round((100 * ms) / wallMs)}%`;
  console.log(
    `${label.padEnd(40)} p50 ${percentile(sorted, 50)} ms, p99 ${percentile(sorted, 99)} ms, ` +
      `${((trips.length * 1000) / wallMs).toFixed(0)}/s (${trips.length}); ` +
      `changes ${changes ? (changes.made / changes.seconds).toFixed(0) : 0}/s`,
  );
  console.log(
    `${"".padEnd(40)} CPU: workerd ${workerd.map((ticks) => share(ticks * TICK_MS)).join(" + ")}, ` +
      `bench process ${share((own.user + own.system) / 1000)}; bench event-loop delay p99 ` +
      `${(delay.percentile(99) / 1e6).toFixed(0)} ms; load ${os.loadavg()[0]!.toFixed(1)}`,
  );
}

export async function measureWebhookFloor(apiUrl: string, seconds: number) {
  const receiver = createServer((request, response) => {
    request.resume();
    request.on("end", () => response.writeHead(204).end());
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const probeUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/floor`;
  const ms = seconds * 1000;
  try {
    console.log(
      `Local stack floor (wrangler dev, the bench Worker): one sender object, one request at a time, ${seconds} s a ` +
        `phase; ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`,
    );
    await phase(apiUrl, "warm-up", probeUrl, 500, 2);
    await phase(apiUrl, "(a) fetch to a 204 receiver, idle", probeUrl, ms, 0);
    await phase(apiUrl, "(b) fetch, 10 changes in flight", probeUrl, ms, 10);
    await phase(apiUrl, "(c) fetch, 2 changes in flight", probeUrl, ms, 2);
    await phase(apiUrl, "(d) 8 fetches at a time, 10 changes", probeUrl, ms, 10, 8);
    await phase(apiUrl, "(e) RPC to another object, idle", null, ms, 0);
    await phase(apiUrl, "(f) RPC, 10 changes in flight", null, ms, 10);
  } finally {
    receiver.closeAllConnections(); // workerd keeps its connections alive
    await new Promise((resolve) => receiver.close(resolve));
  }
}
