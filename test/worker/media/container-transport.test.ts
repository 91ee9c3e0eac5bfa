import type { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { containerTransport } from "../../../worker/media/media-client";

/** A MEDIA_CONTAINER namespace that records which named instance each call reached (no container runs). */
function recordingNamespace() {
  const reached: string[] = [];
  const namespace = {
    idFromName: (name: string) => name,
    get: (name: string) => ({
      fetch: async (request: Request) => {
        reached.push(`${name} ${new URL(request.url).pathname} ${request.headers.get("Authorization")}`);
        return new Response("ok");
      },
    }),
  };
  return { reached, namespace: namespace as unknown as (typeof env)["MEDIA_CONTAINER"] };
}

describe("containerTransport", () => {
  it("sends every call of an attempt to the instance the scheduler chose", async () => {
    const { reached, namespace } = recordingNamespace();
    const transport = containerTransport(namespace, 3, "s3cret", 2);
    for (let i = 0; i < 5; i++) await transport.fetch("/v1/probe", { method: "POST" });
    expect(reached).toEqual(Array.from({ length: 5 }, () => "instance-2 /v1/probe Bearer s3cret"));
  });

  it("keeps a chosen instance within the instances there are, and picks among them when none was chosen", async () => {
    const { reached, namespace } = recordingNamespace();
    await containerTransport(namespace, 2, "s3cret", 5).fetch("/health", {});
    for (let i = 0; i < 40; i++) await containerTransport(namespace, 2, "s3cret").fetch("/health", {});
    expect(reached[0]).toBe("instance-1 /health Bearer s3cret");
    expect(new Set(reached.map((line) => line.split(" ")[0]))).toEqual(new Set(["instance-0", "instance-1"]));
  });
});
