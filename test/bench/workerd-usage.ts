import { readFileSync } from "node:fs";

// Resource use of the workerd processes wrangler dev runs (an entry proxy and the Worker runtime), from /proc.

/** Resident memory (kB) of each workerd process under root, found afresh: wrangler may restart them. */
export function rssKb(root: number): Map<number, number> {
  const sizes = new Map<number, number>();
  for (const pid of workerdTree(root)) {
    try {
      sizes.set(pid, Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0));
    } catch {
      // exited between listing and reading
    }
  }
  return sizes;
}

/** CPU time (utime + stime, in clock ticks of 1/100 s) of each workerd process under root. */
export function cpuTicks(root: number): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const pid of workerdTree(root)) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {
      // exited
    }
  }
  return ticks;
}

export const total = (sizes: Map<number, number>) => [...sizes.values()].reduce((a, b) => a + b, 0);

/** Every workerd process under a root process: wrangler dev runs two (an entry proxy and the Worker runtime). */
export function workerdTree(rootPid: number): number[] {
  const found: number[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "workerd") found.push(pid);
      queue.push(
        ...readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number),
      );
    } catch {
      // process gone
    }
  }
  return found;
}

export const parentOf = (pid: number) =>
  Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
