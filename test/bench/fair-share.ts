/**
 * Jain's fairness index for `bench:scale`, in the form for unequal demand (Jain, Chiu & Hawe 1984, DEC-TR-301):
 * J = (Σx)² / (n·Σx²) over x_i = T_i / O_i, where T_i is what project i got and O_i its fair share. Here T_i is the
 * slot time its jobs ran, and O_i the slot time max-min fairness would have given it: at every instant, the slots
 * are divided among the projects with a job waiting or running, none given more than it has jobs (its demand).
 * The raw index of per-project jobs/s would score demand, not fairness: a project with 3 jobs cannot match the
 * rate of one with 500, however fair the scheduler is.
 */

/** One job as the bench read it back (epoch ms). */
export interface JobSpan {
  project: string;
  created: number;
  started: number;
  finished: number;
}

/** Max-min fair division of `capacity` among demands (water-filling). */
export function maxMinShares(demands: number[], capacity: number): number[] {
  const order = demands.map((demand, i) => ({ demand, i })).sort((a, b) => a.demand - b.demand);
  const shares = new Array<number>(demands.length).fill(0);
  let left = capacity;
  order.forEach(({ demand, i }, k) => {
    const share = Math.min(demand, left / (order.length - k));
    shares[i] = share;
    left -= share;
  });
  return shares;
}

export const jain = (values: number[]) => {
  const sum = values.reduce((a, b) => a + b, 0);
  const squares = values.reduce((a, b) => a + b * b, 0);
  return squares === 0 ? 1 : (sum * sum) / (values.length * squares);
};

/** J over x_i = T_i / O_i, and each project's x_i. */
export function fairShareJain(spans: JobSpan[], slots: number): { index: number; ratios: Map<string, number> } {
  const projects = [...new Set(spans.map((s) => s.project))];
  const got = new Map(projects.map((p) => [p, 0]));
  const fair = new Map(projects.map((p) => [p, 0]));
  const times = [...new Set(spans.flatMap((s) => [s.created, s.started, s.finished]))].sort((a, b) => a - b);
  for (let k = 0; k + 1 < times.length; k++) {
    const at = times[k] as number;
    const dt = (times[k + 1] as number) - at;
    const demand = new Map<string, number>();
    for (const s of spans) {
      if (s.created > at || s.finished <= at) continue;
      demand.set(s.project, (demand.get(s.project) ?? 0) + 1);
      if (s.started <= at) got.set(s.project, (got.get(s.project) ?? 0) + dt);
    }
    const waiting = [...demand.keys()];
    const shares = maxMinShares(
      waiting.map((p) => demand.get(p) as number),
      slots,
    );
    for (const [i, p] of waiting.entries()) fair.set(p, (fair.get(p) ?? 0) + (shares[i] as number) * dt);
  }
  const ratios = new Map(projects.map((p) => [p, (got.get(p) ?? 0) / Math.max(fair.get(p) ?? 0, 1e-9)]));
  return { index: jain([...ratios.values()]), ratios };
}
