// Which URLs may receive webhooks, on its own in Node (the routes apply it; test/worker/webhooks checks they do).
import { describe, expect, it } from "vitest";
import { webhookUrlProblem } from "../../../worker/events/webhook-url";

const LOCAL = [
  "https://localhost/hook",
  "https://LOCALHOST./hook",
  "https://api.localhost/hook",
  "https://127.0.0.1/hook",
  "https://127.1.2.3:8443/hook",
  "https://0.0.0.0/hook",
  "https://10.0.0.5/hook",
  "https://172.16.0.1/hook",
  "https://172.31.255.255/hook",
  "https://192.168.1.1/hook",
  "https://169.254.169.254/latest/meta-data",
  "https://100.64.0.1/hook",
  "https://2130706433/hook", // 127.0.0.1 written as one number; URL normalises it
  "https://0x7f.1/hook",
  "https://[::1]/hook",
  "https://[::]/hook",
  "https://[fd00::1]/hook",
  "https://[fe80::1]/hook",
  "https://[::ffff:127.0.0.1]/hook",
  "https://[::ffff:10.1.2.3]/hook",
];

const PUBLIC = [
  "https://hooks.example.com/edge-media",
  "https://8.8.8.8/hook",
  "https://172.32.0.1/hook",
  "https://192.169.0.1/hook",
  "https://[2606:4700::1111]/hook",
  "https://[::ffff:8.8.8.8]/hook",
  "https://localhost.example.com/hook",
];

describe("webhook URL rules", () => {
  it("refuse loopback, private, link-local and localhost hosts in production", () => {
    for (const url of LOCAL) expect(webhookUrlProblem(url, "production"), url).toMatch(/must not point at localhost/);
    for (const url of PUBLIC) expect(webhookUrlProblem(url, "production"), url).toBeNull();
  });

  it("accept http and local hosts in development and test only", () => {
    for (const env of ["development", "test"] as const) {
      expect(webhookUrlProblem("http://127.0.0.1:8787/hook", env)).toBeNull();
      expect(webhookUrlProblem("http://localhost/hook", env)).toBeNull();
      expect(webhookUrlProblem("https://[::1]/hook", env)).toBeNull();
    }
    expect(webhookUrlProblem("http://hooks.example.com/hook", "production")).toBe("must use https");
  });

  it("refuse other schemes, credentials, non-URLs and URLs over 2048 characters everywhere", () => {
    for (const env of ["development", "test", "production"] as const) {
      expect(webhookUrlProblem("ftp://hooks.example.com/x", env)).toMatch(/must use https/);
      expect(webhookUrlProblem("javascript:alert(1)", env)).toMatch(/must use https/);
      expect(webhookUrlProblem("/relative/path", env)).toBe("must be an absolute URL");
      expect(webhookUrlProblem("https://user:pw@hooks.example.com/x", env)).toBe("must not contain credentials");
      expect(webhookUrlProblem("https://user@hooks.example.com/x", env)).toBe("must not contain credentials");
      const long = `https://hooks.example.com/${"a".repeat(2048 - 26)}`;
      expect(long).toHaveLength(2048);
      expect(webhookUrlProblem(long, env)).toBeNull();
      expect(webhookUrlProblem(`${long}a`, env)).toBe("must be at most 2048 characters");
    }
  });
});
