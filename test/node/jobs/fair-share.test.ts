import { describe, expect, it } from "vitest";
import { fairShareJain, type JobSpan, maxMinShares } from "../../bench/fair-share";

/** Runs jobs one slot at a time in the given order, each taking 1 s; all created at 0 unless given. */
function serial(order: Array<{ project: string; created?: number }>): JobSpan[] {
  let clock = 0;
  return order.map(({ project, created = 0 }) => {
    const started = Math.max(clock, created);
    clock = started + 1000;
    return { project, created, started, finished: clock };
  });
}

describe("bench:scale's fairness index", () => {
  it("divides slots max-min: no project above its demand, the rest shared equally", () => {
    expect(maxMinShares([500, 1, 2], 4)).toEqual([1.5, 1, 1.5]);
    expect(maxMinShares([1, 1], 4)).toEqual([1, 1]);
    expect(maxMinShares([10, 10], 4)).toEqual([2, 2]);
  });

  it("scores taking turns near 1 and serving a backlog first far lower, whatever each project's demand", () => {
    const big = Array.from({ length: 20 }, () => ({ project: "big" }));
    // Small projects with one job each arrive while the backlog runs on one slot.
    const small = [2500, 6500, 10_500].map((created, i) => ({ project: `small-${i}`, created }));
    const turns = serial([
      ...big.slice(0, 3),
      small[0],
      ...big.slice(3, 6),
      small[1],
      ...big.slice(6, 9),
      small[2],
      ...big.slice(9),
    ] as typeof big);
    const backlogFirst = serial([...big, ...small]);
    expect(fairShareJain(turns, 1).index).toBeGreaterThan(0.9);
    expect(fairShareJain(backlogFirst, 1).index).toBeLessThan(0.5);
  });

  it("gives 1 when every project runs as soon as it asks", () => {
    const spans = [
      { project: "a", created: 0, started: 0, finished: 1000 },
      { project: "b", created: 500, started: 500, finished: 3000 },
    ];
    expect(fairShareJain(spans, 2).index).toBeCloseTo(1, 6);
  });
});
