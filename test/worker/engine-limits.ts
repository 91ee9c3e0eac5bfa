/**
 * Limits the tests impose on the engine through the test Worker (test-main.ts): the scheduler's number of run
 * slots, and a simulated platform wall-time limit per invocation. An invocation of a job object that outlives the
 * limit is cut as the platform would (the object is reset); a queue invocation that does is recorded.
 */
export const engineLimits: { slots: number | null; invocationMs: number | null; overruns: string[] } = {
  slots: null,
  invocationMs: null,
  overruns: [],
};

/** Runs one invocation under the simulated wall-time limit; `cut` is what the platform does at the limit. */
export async function underWallLimit<T>(name: string, work: () => Promise<T>, cut?: (reason: string) => void) {
  const limit = engineLimits.invocationMs;
  if (limit === null) return work();
  const timer = setTimeout(() => {
    engineLimits.overruns.push(name);
    cut?.(`${name} ran past the ${limit} ms wall-time limit`);
  }, limit);
  try {
    return await work();
  } finally {
    clearTimeout(timer);
  }
}
