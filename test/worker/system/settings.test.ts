import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../../worker/app";
import { ConfigError, parseSettings } from "../../../worker/env";
import { ErrorEnvelopeSchema } from "../../../worker/errors";

describe("settings", () => {
  it("keeps the original defaults", () => {
    const settings = parseSettings({});
    expect(settings).toMatchObject({
      JOB_MAX_ATTEMPTS: 3,
      JOB_RETRY_DELAY_SECONDS: 5,
      OPENAI_TRANSCRIPTION_MODEL: "whisper-1",
      VIDEO_OUTPUT_FORMAT: "mp4",
      LOG_LEVEL: "INFO",
      DEBUG: false,
    });
  });

  it("parses strings into typed values", () => {
    const settings = parseSettings({
      DEBUG: "true",
      CORS_ORIGINS: "https://a.example, https://b.example",
      MAX_QUEUE_SIZE: "7",
    });
    expect(settings.DEBUG).toBe(true);
    expect(settings.CORS_ORIGINS).toEqual(["https://a.example", "https://b.example"]);
    expect(settings.MAX_QUEUE_SIZE).toBe(7);
  });

  it("names every bad variable", () => {
    expect(() => parseSettings({ JOB_MAX_ATTEMPTS: "abc", LOG_LEVEL: "LOUD" })).toThrow(ConfigError);
    try {
      parseSettings({ JOB_MAX_ATTEMPTS: "abc", LOG_LEVEL: "LOUD" });
    } catch (error) {
      expect((error as Error).message).toContain("JOB_MAX_ATTEMPTS");
      expect((error as Error).message).toContain("LOG_LEVEL");
    }
  });

  it("PUBLIC_BASE_URL is an http(s) origin, kept without a trailing slash", () => {
    expect(parseSettings({}).PUBLIC_BASE_URL).toBeUndefined();
    expect(parseSettings({ PUBLIC_BASE_URL: "" }).PUBLIC_BASE_URL).toBeUndefined();
    expect(parseSettings({ PUBLIC_BASE_URL: "https://api.example.com/" }).PUBLIC_BASE_URL).toBe(
      "https://api.example.com",
    );
    expect(parseSettings({ PUBLIC_BASE_URL: "http://127.0.0.1:8787" }).PUBLIC_BASE_URL).toBe("http://127.0.0.1:8787");
    for (const bad of [
      "api.example.com",
      "ftp://api.example.com",
      "https://api.example.com/v1",
      "https://u:p@a.example",
    ]) {
      expect(() => parseSettings({ PUBLIC_BASE_URL: bad }), bad).toThrow(/PUBLIC_BASE_URL/);
    }
  });

  it("a request under a bad setting fails with a message naming it", async () => {
    const res = await createApp().request("/health", {}, { ...env, JOB_MAX_ATTEMPTS: "abc" });
    expect(res.status).toBe(500);
    expect(res.headers.get("x-request-id")).toBeTruthy();
    const body = ErrorEnvelopeSchema.parse(await res.json());
    expect(body.error.code).toBe("CONFIGURATION_ERROR");
    expect(body.error.message).toContain("JOB_MAX_ATTEMPTS");
  });
});
