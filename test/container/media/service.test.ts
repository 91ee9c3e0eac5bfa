import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServiceErrorBodySchema } from "../../../container/src/protocol/contract";
import { serviceAuthHeaders } from "../../../container/src/protocol/service-auth";
import { generateVideo } from "../../media/generate";
import {
  framedBody,
  type MediaService,
  postOp,
  startMediaService,
  terminalEvent,
  waitForCleanup,
} from "./media-service";

let service: MediaService;
let dir: string;
let video: string;

beforeAll(async () => {
  service = await startMediaService();
  dir = await mkdtemp(path.join(os.tmpdir(), "service-test-"));
  video = await generateVideo(dir, "clip.mp4", { seconds: 2 });
});
afterAll(async () => {
  await service?.close();
  await rm(dir, { recursive: true, force: true });
});

const header = (value: unknown) => `${JSON.stringify(value)}\n`;

async function expect400(body: string | Uint8Array, code: string, message: RegExp) {
  const response = await postOp(service, "probe", body);
  expect(response.status).toBe(400);
  expect(ServiceErrorBodySchema.parse(response.body).error).toEqual({ code, message: expect.stringMatching(message) });
  expect(await waitForCleanup(service)).toEqual([]);
  expect(service.limiter.active).toBe(0);
}

describe("media service basics", () => {
  it("GET /health reports ffmpeg and load", async () => {
    const response = await fetch(`${service.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ok",
      ffmpeg: { version: expect.any(String), source: expect.stringMatching(/^(path|npm)$/) },
      active: 0,
      waiting: 0,
      max_concurrency: 2,
    });
  });

  it("unknown paths and ops answer 404 in the service's error shape", async () => {
    const response = await fetch(`${service.url}/v1/nope`, {
      method: "POST",
      headers: serviceAuthHeaders(service.secret),
      body: header({ inputs: [] }),
    });
    expect(response.status).toBe(404);
    expect(ServiceErrorBodySchema.parse(await response.json()).error.code).toBe("NOT_FOUND");
  });
});

describe("framed request errors answer 400 before any work", () => {
  it("empty body", () => expect400("", "INVALID_HEADER", /empty/));
  it("header that is not JSON", () => expect400("not json\n", "INVALID_HEADER", /not valid JSON/));
  it("header without inputs", () => expect400(header({ thumbnail: true }), "INVALID_HEADER", /inputs/));
  it("header with a negative size", () =>
    expect400(header({ inputs: [{ name: "video", size: -1 }] }), "INVALID_HEADER", /inputs\.0\.size/));
  it("input name that could be a path", () =>
    expect400(header({ inputs: [{ name: "../video", size: 1 }] }), "INVALID_HEADER", /lower_snake_case/));
  it("duplicate input names", () =>
    expect400(
      header({
        inputs: [
          { name: "video", size: 0 },
          { name: "video", size: 0 },
        ],
      }),
      "INVALID_HEADER",
      /unique/,
    ));
  it("header line longer than 64 KiB", () => expect400("x".repeat(70_000), "INVALID_HEADER", /longer than/));
  it("missing the op's required input", () => expect400(header({ inputs: [] }), "MISSING_INPUT", /video/));
  it("an input the op does not take", () =>
    expect400(
      `${header({
        inputs: [
          { name: "video", size: 1 },
          { name: "audio", size: 1 },
        ],
      })}ab`,
      "INVALID_HEADER",
      /Unknown input\(s\) for probe: audio/,
    ));
  it("options of the wrong type", () =>
    expect400(
      `${header({ thumbnail: "yes", inputs: [{ name: "video", size: 1 }] })}a`,
      "INVALID_OPTIONS",
      /thumbnail/,
    ));
  it("body shorter than the declared input size", () =>
    expect400(`${header({ inputs: [{ name: "video", size: 100 }] })}only-a-few-bytes`, "INVALID_BODY", /short/));
  it("bytes after the last input", () =>
    expect400(`${header({ inputs: [{ name: "video", size: 3 }] })}abcdef`, "INVALID_BODY", /after the last input/));
  // The service stops reading at the error; the answer must still reach a client that is sending megabytes more.
  const more = (text: string) => Buffer.concat([Buffer.from(text), Buffer.alloc(16 * 1024 * 1024, 7)]);
  it("a bad header followed by 16 MiB of body", () =>
    expect400(more(header({ inputs: [{ name: "video", size: -1 }] })), "INVALID_HEADER", /size/));
  it("16 MiB after the last input", () =>
    expect400(more(`${header({ inputs: [{ name: "video", size: 3 }] })}abc`), "INVALID_BODY", /after the last input/));
  it("inputs larger than MEDIA_MAX_INPUT_BYTES", async () => {
    const small = await startMediaService({ MEDIA_MAX_INPUT_BYTES: "10" });
    try {
      const response = await postOp(small, "probe", `${header({ inputs: [{ name: "video", size: 11 }] })}`);
      expect(response.status).toBe(400);
      expect(ServiceErrorBodySchema.parse(response.body).error.code).toBe("INPUT_TOO_LARGE");
    } finally {
      await small.close();
    }
  });
});

describe("streamed results", () => {
  it("ends every stream with exactly one terminal event and removes the workspace", async () => {
    const response = await postOp(service, "probe", await framedBody({}, { video }));
    expect(terminalEvent(response.events).type).toBe("result");
    expect(await waitForCleanup(service)).toEqual([]);
    expect(service.limiter.active).toBe(0);
  });
});
