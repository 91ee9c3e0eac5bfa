import type { TestProject } from "vitest/node";
import { setupWorkerTests } from "../../worker/global-setup";

/** The Worker tests' real setup, with the fixture step failing at once (as `spawn ffmpeg ENOENT` once did). */
export default function setup(project: TestProject) {
  return setupWorkerTests(project, {
    generateFixtures: () => Promise.reject(new Error("fixture step broken on purpose")),
  });
}
