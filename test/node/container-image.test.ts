import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MEDIA_PROCESS_ENV } from "../../container/src/process-env";

const dockerfile = readFileSync(path.resolve(import.meta.dirname, "../../container/Dockerfile"), "utf8");

describe("container image", () => {
  it("starts the service with the same process environment as local runs (MEDIA_PROCESS_ENV)", () => {
    // ENV lines of the final stage, joined across backslash continuations.
    const finalStage = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
    const env = finalStage
      .replace(/\\\n\s*/g, " ")
      .split("\n")
      .filter((line) => line.startsWith("ENV "))
      .join(" ");
    for (const [name, value] of Object.entries(MEDIA_PROCESS_ENV)) {
      expect(env).toContain(`${name}=${value}`);
    }
  });

  it("listens on all interfaces inside the container (the service's own default is loopback) and bakes in no secret", () => {
    const finalStage = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
    const env = finalStage.replace(/\\\n\s*/g, " ");
    expect(env).toMatch(/^ENV .*\bHOST=0\.0\.0\.0\b/m);
    expect(env).toMatch(/^ENV .*\bPORT=8080\b/m);
    expect(dockerfile).not.toMatch(/^(ENV|ARG) .*MEDIA_SERVICE_SECRET/m);
  });
});
