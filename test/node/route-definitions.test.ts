import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const ROUTES = path.resolve(import.meta.dirname, "../../worker/routes");

// A route built with createRoute directly would document only the errors someone remembered.
it("every route is defined through defineRoute, so its documented errors come from its middleware", () => {
  const files = readdirSync(ROUTES, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts"));
  expect(files.length).toBeGreaterThan(40);
  const direct = files.filter(
    (file) =>
      file !== "define-route.ts" &&
      /\bcreateRoute\b|errorResponses\(/.test(readFileSync(path.join(ROUTES, file), "utf8")),
  );
  expect(direct).toEqual([]);
});
