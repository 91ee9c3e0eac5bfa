import { describe, expect, it } from "vitest";
import { countsAsUnhandled } from "../vitest.config";

describe("which unhandled errors fail a test run", () => {
  it("leaves out only the pool's closed RPC after a file ended", () => {
    const closed = {
      name: "EnvironmentTeardownError",
      message: '[vitest-worker]: Closing rpc while "resolve" was pending',
    };
    expect(countsAsUnhandled(closed)).toBe(false);
  });

  it("counts every other error, including other teardown errors and the same words under another name", () => {
    expect(countsAsUnhandled({ name: "Error", message: "Network connection lost." })).toBe(true);
    expect(countsAsUnhandled({ name: "EnvironmentTeardownError", message: "something else" })).toBe(true);
    expect(
      countsAsUnhandled({ name: "TypeError", message: '[vitest-worker]: Closing rpc while "fetch" was pending' }),
    ).toBe(true);
    expect(countsAsUnhandled({})).toBe(true);
  });
});
