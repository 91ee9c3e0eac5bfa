// The retry schedule, 410 Gone and the three-day rule on their own, in Node, with a clock the test sets.
import { describe, expect, it } from "vitest";
import {
  decideAfterAttempt,
  FAILING_DISABLE_MS,
  isSuccess,
  RETRY_DELAYS_MS,
  RETRY_JITTER,
  retryDelayMs,
} from "../../../worker/events/delivery-policy";

const T0 = Date.parse("2026-11-24T10:00:00.000Z");
const HOUR = 3_600_000;
const facts = (over: Partial<Parameters<typeof decideAfterAttempt>[0]> = {}) => ({
  statusCode: 500,
  retryAfterSeconds: null,
  failedBefore: 0,
  failingSince: null,
  now: T0,
  random: 0.5,
  ...over,
});

describe("webhook delivery policy", () => {
  it("spreads ten retries over about three days, growing, each within ±10 %", () => {
    expect(RETRY_DELAYS_MS).toHaveLength(10);
    for (let i = 1; i < RETRY_DELAYS_MS.length; i++) {
      expect(RETRY_DELAYS_MS[i]).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[i - 1] ?? 0);
    }
    const total = RETRY_DELAYS_MS.reduce((sum, delay) => sum + delay, 0);
    expect(total).toBeGreaterThan(72 * HOUR);
    expect(total).toBeLessThan(96 * HOUR);
    RETRY_DELAYS_MS.forEach((base, i) => {
      expect(retryDelayMs(i + 1, 0.5)).toBe(base);
      expect(retryDelayMs(i + 1, 0)).toBe(Math.round(base * (1 - RETRY_JITTER)));
      expect(retryDelayMs(i + 1, 0.999_999)).toBeLessThanOrEqual(Math.round(base * (1 + RETRY_JITTER)));
    });
    expect(retryDelayMs(11, 0.5)).toBeNull();
  });

  it("honours a longer Retry-After, capped at the longest wait", () => {
    expect(retryDelayMs(1, 0.5, 60)).toBe(60_000);
    expect(retryDelayMs(1, 0.5, 1)).toBe(5_000);
    expect(retryDelayMs(1, 0.5, 10 * 24 * 3600)).toBe(RETRY_DELAYS_MS.at(-1));
  });

  it("counts only a 2xx as success", () => {
    for (const code of [200, 201, 204, 299]) expect(isSuccess(code)).toBe(true);
    for (const code of [null, 100, 301, 302, 400, 410, 429, 500]) expect(isSuccess(code)).toBe(false);
  });

  it("succeeds, retries, gives up after the schedule, disables on 410 and after three days of failures", () => {
    expect(decideAfterAttempt(facts({ statusCode: 204, failingSince: T0 - HOUR }))).toEqual({
      delivery: "succeeded",
      nextAttemptAt: null,
      failingSince: null,
      disable: null,
    });
    expect(decideAfterAttempt(facts())).toEqual({
      delivery: "pending",
      nextAttemptAt: T0 + 5_000,
      failingSince: T0,
      disable: null,
    });
    expect(decideAfterAttempt(facts({ statusCode: null, failedBefore: 1, failingSince: T0 - 5_000 }))).toMatchObject({
      delivery: "pending",
      nextAttemptAt: T0 + 300_000,
      failingSince: T0 - 5_000,
    });
    expect(decideAfterAttempt(facts({ failedBefore: 10, failingSince: T0 - HOUR }))).toMatchObject({
      delivery: "failed",
      nextAttemptAt: null,
      disable: null,
    });
    expect(decideAfterAttempt(facts({ statusCode: 410 }))).toMatchObject({ delivery: "failed", disable: "gone" });
    expect(decideAfterAttempt(facts({ failingSince: T0 - FAILING_DISABLE_MS + 1 }))).toMatchObject({
      delivery: "pending",
      disable: null,
    });
    expect(decideAfterAttempt(facts({ failingSince: T0 - FAILING_DISABLE_MS }))).toMatchObject({
      delivery: "failed",
      disable: "failing",
    });
  });
});
