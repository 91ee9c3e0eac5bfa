import { expect, it } from "vitest";

// Collected by test/node/failing-setup/vitest.config.ts only; its global setup fails first, so this never runs.
it("is never reached", () => {
  expect.unreachable("the global setup should have failed");
});
