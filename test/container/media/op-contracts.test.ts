// Each op sends only what its contract (container/src/protocol/<op>-contract.ts) declares, and the service serves
// exactly the ops of MEDIA_OPS, the map the Worker's client is typed by.
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { parseConfig } from "../../../container/src/config";
import { resolveBinaries } from "../../../container/src/ffmpeg/binaries";
import { ConcurrencyLimiter } from "../../../container/src/limiter";
import { defineOp, registerOp } from "../../../container/src/operation";
import { InputServer } from "../../../container/src/protocol/input-server";
import { MEDIA_OPS } from "../../../container/src/protocol/media-ops";
import { defineOpContract } from "../../../container/src/protocol/op-contract";
import { type MediaService, postOp, startMediaService, terminalEvent } from "./media-service";

const tickContract = defineOpContract({
  name: "tick",
  optionsSchema: z.object({ mode: z.enum(["ok", "bad-result", "bad-event", "undeclared-event"]) }),
  requiredInputs: [],
  optionalInputs: [],
  events: { tick: z.object({ type: z.literal("tick"), n: z.number().int() }) },
  resultSchema: z.object({ ticks: z.number().int() }),
});

// The type errors below are the point: the compiler refuses what the contract does not declare, and the
// service refuses it again at run time (a JavaScript op, or a cast, gets no further).
const tickOp = defineOp({
  contract: tickContract,
  async run({ options, emit }) {
    if (options.mode === "bad-event") {
      // @ts-expect-error: n must be an integer
      await emit({ type: "tick", n: "one" });
    }
    if (options.mode === "undeclared-event") {
      // @ts-expect-error: the contract declares no `tock` event
      await emit({ type: "tock", n: 1 });
    }
    await emit({ type: "tick", n: 1 });
    if (options.mode === "bad-result") {
      // @ts-expect-error: ticks must be a number
      const wrong: z.input<typeof tickContract.resultSchema> = { ticks: "1" };
      return wrong;
    }
    return { ticks: 1 };
  },
});

const header = (options: Record<string, unknown>) => `${JSON.stringify({ ...options, inputs: [] })}\n`;

describe("an op's own output is checked against its contract", () => {
  let url: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const tmpDir = await mkdtemp(path.join(os.tmpdir(), "op-contracts-"));
    const config = parseConfig({ MEDIA_TMP_DIR: tmpDir, MEDIA_SERVICE_SECRET: "s".repeat(32) });
    const quiet = () => {};
    const deps = {
      config,
      limiter: new ConcurrencyLimiter(2, 0),
      ffmpeg: await resolveBinaries({ prefer: config.FFMPEG_SOURCE }),
      logger: { info: quiet, warn: quiet, error: quiet },
      inputServer: new InputServer(),
    };
    const app = new Hono();
    registerOp(app, tickOp, deps, new AbortController().signal);
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = async () => {
      deps.inputServer.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(tmpDir, { recursive: true, force: true });
    };
  });
  afterAll(() => close());

  it("sends declared events and a result that matches", async () => {
    const { status, events } = await postOp({ url }, "tick", header({ mode: "ok" }));
    expect(status).toBe(200);
    expect(events).toEqual([
      { type: "tick", n: 1 },
      { type: "result", data: { ticks: 1 } },
    ]);
  });

  it.each([
    ["bad-result", "The tick result breaks its contract at ticks: "],
    ["bad-event", "The tick tick event breaks its contract at n: "],
    ["undeclared-event", "tick declares no 'tock' event"],
  ])("%s: the service's own bug is an internal error, and nothing malformed is sent", async (mode, message) => {
    const { status, events } = await postOp({ url }, "tick", header({ mode }));
    expect(status).toBe(200);
    expect(events.filter((event) => event.type === "tick").every((event) => event.n === 1)).toBe(true);
    expect(terminalEvent(events)).toMatchObject({ type: "error", code: "INTERNAL_ERROR", retryable: true });
    expect(String(terminalEvent(events).message)).toContain(message);
  });

  it("refuses options outside the contract with 400 before the op runs", async () => {
    const { status, body } = await postOp({ url }, "tick", header({ mode: "sideways" }));
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: "INVALID_OPTIONS" } });
  });
});

describe("the media service", () => {
  let service: MediaService;
  beforeAll(async () => {
    service = await startMediaService();
  }, 60_000);
  afterAll(() => service?.close());

  it("serves every op of MEDIA_OPS and no other", async () => {
    for (const name of Object.keys(MEDIA_OPS)) {
      const { status, body } = await postOp(service, name, "not a header");
      expect(status, name).toBe(400);
      expect(body, name).toMatchObject({ error: { code: "INVALID_HEADER" } });
    }
    expect((await postOp(service, "no-such-op", "x")).status).toBe(404);
  });

  it("takes ISO-639-1 language codes only, like the transcription job's payload (one schema for both)", async () => {
    const { status, body } = await postOp(
      service,
      "transcribe",
      `${JSON.stringify({ language: "eng", inputs: [{ name: "video", size: 0 }] })}\n`,
    );
    expect(status).toBe(400);
    expect(body).toEqual({
      error: { code: "INVALID_OPTIONS", message: "Option language: Use an ISO-639-1 language code such as 'en'" },
    });
  });
});
