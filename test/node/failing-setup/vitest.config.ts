// A run whose global setup fails at the fixture step, for test/node/global-setup.test.ts.
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: path.resolve(import.meta.dirname, "../../.."),
  test: {
    include: ["test/node/failing-setup/reaches-no-test.ts"],
    globalSetup: ["test/node/failing-setup/global-setup.ts"],
    environment: "node",
  },
});
