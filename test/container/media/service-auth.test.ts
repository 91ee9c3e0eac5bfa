import { readdir, readFile, rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServiceErrorBodySchema } from "../../../container/src/protocol/contract";
import { serviceAuthHeaders } from "../../../container/src/protocol/service-auth";
import { type MediaService, startMediaService } from "./media-service";
import { spawnMediaService } from "./service-process";

let service: MediaService;
beforeAll(async () => {
  service = await startMediaService();
});
afterAll(() => service?.close());

const header = `${JSON.stringify({ inputs: [{ name: "video", size: 4 }] })}\n1234`;

async function expectRefused(response: Response, sent: string, label: string) {
  expect(response.status, label).toBe(401);
  const text = await response.text();
  expect(ServiceErrorBodySchema.parse(JSON.parse(text)).error.code).toBe("UNAUTHORIZED");
  expect(text).toContain("MEDIA_SERVICE_SECRET");
  // Neither the real secret nor what the caller sent is echoed.
  expect(text).not.toContain(service.secret);
  if (sent) expect(text).not.toContain(sent);
}

describe("the shared secret", () => {
  it("GET /health needs none", async () => {
    expect((await fetch(`${service.url}/health`)).status).toBe(200);
  });

  it("every other request without the right secret is a 401 before any work", async () => {
    const wrong = [
      ["missing", {}],
      ["wrong secret of the same length", serviceAuthHeaders("x".repeat(service.secret.length))],
      ["wrong secret, another length", serviceAuthHeaders("short")],
      ["the secret with another scheme", { authorization: `Basic ${service.secret}` }],
      ["the secret plus a suffix", serviceAuthHeaders(`${service.secret}x`)],
      ["an empty bearer token", { authorization: "Bearer " }],
    ] as const;
    for (const [label, headers] of wrong) {
      for (const path of ["/v1/probe", "/v1/render", "/v1/nope", "/anything"]) {
        const response = await fetch(`${service.url}${path}`, { method: "POST", headers, body: header });
        await expectRefused(response, "authorization" in headers ? headers.authorization : "", `${label}: ${path}`);
      }
    }
    expect(await readdir(service.tmpDir)).toEqual([]);
    expect(service.logs.filter((log) => log.message.startsWith("op_"))).toEqual([]);
  });

  it("with the secret, the same request reaches the op", async () => {
    const response = await fetch(`${service.url}/v1/probe`, {
      method: "POST",
      headers: serviceAuthHeaders(service.secret),
      body: header,
    });
    // Four bytes are not a video: the op ran and said so in its own stream.
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('"type":"error"');
  });
});

describe("the service process", () => {
  it("does not start without MEDIA_SERVICE_SECRET, or with a short one, and never prints it", async () => {
    await expect(spawnMediaService({ MEDIA_SERVICE_SECRET: "" })).rejects.toThrow(/MEDIA_SERVICE_SECRET: is required/);
    const short = "tooshort-but-recognisable";
    const failure = spawnMediaService({ MEDIA_SERVICE_SECRET: short });
    await expect(failure).rejects.toThrow(/MEDIA_SERVICE_SECRET: must be at least 32 characters/);
    await expect(failure).rejects.not.toThrow(short);
  });

  it("listens on loopback only by default, and keeps the secret out of its logs", async () => {
    const running = await spawnMediaService({});
    try {
      const port = new URL(running.url).port;
      const hexPort = Number(port).toString(16).toUpperCase().padStart(4, "0");
      const listening = [await readFile("/proc/net/tcp", "utf8"), await readFile("/proc/net/tcp6", "utf8")]
        .join("\n")
        .split("\n")
        .map((line) => line.trim().split(/\s+/))
        .filter((fields) => fields[1]?.endsWith(`:${hexPort}`) && fields[3] === "0A")
        .map((fields) => fields[1]);
      expect(listening).toEqual([`0100007F:${hexPort}`]);

      const wrong = "w".repeat(64);
      const refused = await fetch(`${running.url}/v1/probe`, {
        method: "POST",
        headers: serviceAuthHeaders(wrong),
        body: header,
      });
      expect(refused.status).toBe(401);
      const ran = await fetch(`${running.url}/v1/probe`, {
        method: "POST",
        headers: serviceAuthHeaders(running.secret),
        body: header,
      });
      await ran.text();
      expect(running.output()).toContain("op_failed");
      expect(running.output()).not.toContain(running.secret);
      expect(running.output()).not.toContain(wrong);
    } finally {
      running.signal("SIGTERM");
      await running.exited;
      await rm(running.tmpDir, { recursive: true, force: true });
    }
  });
});
