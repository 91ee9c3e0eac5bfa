// Ops that `streamsInputs` start while the request body is still arriving and read it through the input server.
import { randomBytes } from "node:crypto";
import { appendFile, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
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
import { defineOp, registerOp, type ServiceDeps } from "../../../container/src/operation";
import { ArrivingFile } from "../../../container/src/protocol/arriving-file";
import { InputServer } from "../../../container/src/protocol/input-server";
import { defineOpContract } from "../../../container/src/protocol/op-contract";
import { probeOp } from "../../../container/src/routes/probe";
import { renderOp } from "../../../container/src/routes/render";
import { transcribeOp } from "../../../container/src/routes/transcribe";
import { testFfmpegSource } from "../../media/generate";
import { type LogRecord, postOp, terminalEvent } from "./media-service";

/** A request body the test feeds by hand, so it can hold the rest back while the op runs. */
function controlledBody() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  return { stream, push: (bytes: Uint8Array) => controller.enqueue(bytes), end: () => controller.close() };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const within = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} did not happen in ${ms} ms`)), ms)),
  ]);

describe("ops that stream their inputs", () => {
  const hooks = { sawHead: deferred<string>(), finished: deferred<void>(), readAll: true };
  let url: string;
  let tmpDir: string;
  let deps: ServiceDeps;
  const logs: LogRecord[] = [];
  let close: () => Promise<void>;

  // Reads the first 100 bytes over HTTP (a Range request, like ffmpeg's), then optionally the whole input.
  const peekOp = defineOp({
    contract: defineOpContract({
      name: "peek",
      optionsSchema: z.object({}),
      requiredInputs: ["blob"],
      optionalInputs: [],
      events: {},
      resultSchema: z.object({ head: z.string(), length: z.number() }),
    }),
    streamsInputs: true,
    async run({ inputs, signal }) {
      const blob = inputs.blob!;
      const head = await fetch(blob.source, { headers: { Range: "bytes=0-99" }, signal });
      const text = Buffer.from(await head.arrayBuffer()).toString("hex");
      hooks.sawHead.resolve(text);
      let length = 0;
      if (hooks.readAll) {
        const whole = await fetch(blob.source, { signal });
        length = (await whole.arrayBuffer()).byteLength;
      }
      hooks.finished.resolve();
      return { head: text, length };
    },
  });

  beforeAll(async () => {
    tmpDir = await mkdtemp(path.join(os.tmpdir(), "streamed-inputs-"));
    // The op is registered on a bare app (no secret check); the config still needs one.
    const config = parseConfig({
      FFMPEG_SOURCE: testFfmpegSource(),
      MEDIA_TMP_DIR: tmpDir,
      MEDIA_SERVICE_SECRET: "s".repeat(32),
    });
    const log = (level: LogRecord["level"]) => (message: string, fields?: Record<string, unknown>) =>
      void logs.push({ level, message, fields });
    deps = {
      config,
      limiter: new ConcurrencyLimiter(2, 0),
      ffmpeg: await resolveBinaries({ prefer: config.FFMPEG_SOURCE }),
      logger: { info: log("info"), warn: log("warn"), error: log("error") },
      inputServer: new InputServer(),
    };
    const app = new Hono();
    registerOp(app, peekOp, deps, new AbortController().signal);
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = async () => {
      deps.inputServer.close();
      (server as unknown as { closeAllConnections(): void }).closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(tmpDir, { recursive: true, force: true });
    };
  });
  afterAll(() => close());

  const reset = (readAll: boolean) => {
    hooks.sawHead = deferred();
    hooks.finished = deferred();
    hooks.readAll = readAll;
  };
  const header = (size: number) =>
    new TextEncoder().encode(`${JSON.stringify({ inputs: [{ name: "blob", size }] })}\n`);

  it("probe and transcribe are among them; render, which mixes several inputs, is not", () => {
    expect([probeOp.streamsInputs, transcribeOp.streamsInputs, renderOp.streamsInputs]).toEqual([
      true,
      true,
      undefined,
    ]);
  });

  it("starts the op on the first bytes and answers once the whole body is in", async () => {
    reset(true);
    const data = randomBytes(2_000_000);
    const body = controlledBody();
    body.push(header(data.length));
    body.push(data.subarray(0, 1000));
    const response = postOp({ url }, "peek", body.stream);
    // Without streaming inputs the op would wait for the last byte, which is still held back here.
    expect(await within(hooks.sawHead.promise, 5000, "reading the head before the body ended")).toBe(
      data.subarray(0, 100).toString("hex"),
    );
    body.push(data.subarray(1000));
    body.end();
    const { status, events } = await response;
    expect(status).toBe(200);
    expect(terminalEvent(events)).toEqual({
      type: "result",
      data: { head: data.subarray(0, 100).toString("hex"), length: data.length },
    });
    expect(await readdir(tmpDir)).toEqual([]);
    expect(deps.limiter.active).toBe(0);
  });

  it("without a Node request (a plain web Request, as app.request gives) the body is read the same way", async () => {
    reset(true);
    const app = new Hono();
    registerOp(app, peekOp, deps, new AbortController().signal);
    const data = randomBytes(300_000);
    const response = await app.fetch(
      new Request("http://service/v1/peek", { method: "POST", body: Buffer.concat([header(data.length), data]) }),
    );
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text.trim().split("\n").at(-1)!)).toEqual({
      type: "result",
      data: { head: data.subarray(0, 100).toString("hex"), length: data.length },
    });
    expect(await readdir(tmpDir)).toEqual([]);
  });

  it("an op that finishes early still gets a 200 once the body is in, and its workspace goes afterwards", async () => {
    reset(false);
    const data = randomBytes(500_000);
    const body = controlledBody();
    body.push(header(data.length));
    body.push(data.subarray(0, 200));
    const response = postOp({ url }, "peek", body.stream);
    await within(hooks.finished.promise, 5000, "the op finishing");
    // The rest is still being written into the workspace, so it must still be there.
    expect((await readdir(tmpDir)).length).toBe(1);
    body.push(data.subarray(200));
    body.end();
    const { status, events } = await response;
    expect(status).toBe(200);
    expect(terminalEvent(events)).toMatchObject({ type: "result", data: { length: 0 } });
    expect(await readdir(tmpDir)).toEqual([]);
    expect(logs.filter((entry) => entry.level === "error")).toEqual([]);
  });

  it("a body cut short is a 400, and the running op is stopped and cleaned up", async () => {
    reset(true);
    const body = controlledBody();
    body.push(header(10_000));
    body.push(randomBytes(4000));
    const response = postOp({ url }, "peek", body.stream);
    await within(hooks.sawHead.promise, 5000, "the op starting");
    body.end();
    const { status, body: error } = await response;
    expect(status).toBe(400);
    expect(error).toEqual({
      error: { code: "INVALID_BODY", message: "Input blob: stream ended 6000 bytes short of a 10000-byte section" },
    });
    expect(logs.some((entry) => entry.message === "op_aborted" && entry.fields?.op === "peek")).toBe(true);
    expect(await readdir(tmpDir)).toEqual([]);
    expect(deps.limiter.active).toBe(0);
  });
});

describe("InputServer", () => {
  let dir: string;
  const server = new InputServer();
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "input-server-"));
  });
  afterAll(async () => {
    server.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function arrived(content: string) {
    const file = new ArrivingFile(path.join(dir, `f-${Math.random()}`), content.length);
    await writeFile(file.path, content);
    file.advance(content.length);
    return file;
  }

  it("serves the whole file, byte ranges, suffix ranges and HEAD", async () => {
    const { url } = await server.publish(await arrived("0123456789"));
    const whole = await fetch(url);
    expect([whole.status, whole.headers.get("accept-ranges"), await whole.text()]).toEqual([
      200,
      "bytes",
      "0123456789",
    ]);
    const range = await fetch(url, { headers: { Range: "bytes=2-4" } });
    expect([range.status, range.headers.get("content-range"), await range.text()]).toEqual([
      206,
      "bytes 2-4/10",
      "234",
    ]);
    const open = await fetch(url, { headers: { Range: "bytes=7-" } });
    expect(await open.text()).toBe("789");
    const suffix = await fetch(url, { headers: { Range: "bytes=-3" } });
    expect([suffix.headers.get("content-range"), await suffix.text()]).toEqual(["bytes 7-9/10", "789"]);
    const head = await fetch(url, { method: "HEAD" });
    expect([head.status, head.headers.get("content-length")]).toEqual([200, "10"]);
  });

  it("answers 416 past the end, 404 for unknown or revoked ids, 405 for writes", async () => {
    const published = await server.publish(await arrived("abc"));
    const past = await fetch(published.url, { headers: { Range: "bytes=5-9" } });
    expect([past.status, past.headers.get("content-range")]).toEqual([416, "bytes */3"]);
    expect((await fetch(published.url, { method: "PUT", body: "x" })).status).toBe(405);
    expect((await fetch(published.url.replace(/[0-9a-f]{12}$/, "0".repeat(12)))).status).toBe(404);
    expect((await fetch(`${new URL(published.url).origin}/inputs/../etc/passwd`)).status).toBe(404);
    published.revoke();
    expect((await fetch(published.url)).status).toBe(404);
  });

  it("holds a read until its bytes arrive, and breaks it if the upload fails", async () => {
    const file = new ArrivingFile(path.join(dir, "growing"), 8);
    const { url } = await server.publish(file);
    const read = fetch(url, { headers: { Range: "bytes=2-5" } }).then((response) => response.text());
    let settled = false;
    void read.finally(() => {
      settled = true;
    });
    await writeFile(file.path, "ab");
    file.advance(2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(settled).toBe(false);
    await appendFile(file.path, "cdef");
    file.advance(4);
    expect(await read).toBe("cdef");

    const stalled = new ArrivingFile(path.join(dir, "stalled"), 8);
    const broken = fetch((await server.publish(stalled)).url).then((response) => response.text());
    await writeFile(stalled.path, "ab");
    stalled.advance(2);
    stalled.fail(new Error("client went away"));
    await expect(broken).rejects.toThrow();
  });
});
