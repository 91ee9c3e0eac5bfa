import { env } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import { EVENT_STREAM_CONTENT_TYPE } from "../../../container/src/protocol/contract";
import { getSettings } from "../../../worker/env";
import {
  containerTransport,
  createMediaClient,
  MediaClient,
  MediaServiceError,
} from "../../../worker/media/media-client";

const SECRET = "s3cret-s3cret-s3cret-s3cret-s3cret";

/** A MEDIA_CONTAINER namespace whose instances answer with `answer` (no container runs). */
function namespaceAnswering(answer: () => Promise<Response>) {
  const namespace = { idFromName: (name: string) => name, get: () => ({ fetch: answer }) };
  return namespace as unknown as (typeof env)["MEDIA_CONTAINER"];
}

const encoder = new TextEncoder();

/** An event stream that sends `lines`, then ends (`end`) or breaks as a dropped connection does (`break`). */
function eventStream(lines: string[], finish: "end" | "break"): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const line of lines) controller.enqueue(encoder.encode(`${line}\n`));
      if (finish === "end") controller.close();
      else controller.error(new Error("Network connection lost."));
    },
  });
  return new Response(body, { headers: { "content-type": EVENT_STREAM_CONTENT_TYPE } });
}

async function probeFailure(media: MediaClient): Promise<MediaServiceError> {
  const error = await media.call("probe", { inputs: [] }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(MediaServiceError);
  return error as MediaServiceError;
}

describe("a media instance that dies mid-call", () => {
  it.each([
    [
      "the Container binding's fetch throws",
      () => Promise.reject(new Error("Container crashed")),
      /^The media service could not be reached: Container crashed/,
    ],
    [
      "the event stream ends without a result",
      async () => eventStream(['{"type":"progress","percent":10}'], "end"),
      /^The media service stopped before finishing \(its instance may have died\)/,
    ],
    [
      "the connection breaks mid-answer",
      async () => eventStream(['{"type":"progress","percent":10}'], "break"),
      /^The connection to the media service broke mid-answer \(Network connection lost\.\)/,
    ],
    [
      "the answer is cut off mid-line",
      async () => new Response('{"type":"progr', { headers: { "content-type": EVENT_STREAM_CONTENT_TYPE } }),
      /^The media service's answer was cut off/,
    ],
  ] as const)("is MEDIA_INSTANCE_LOST, retryable, when %s", async (_case, answer, message) => {
    const media = new MediaClient(containerTransport(namespaceAnswering(answer), 2, SECRET, 1));
    const error = await probeFailure(media);
    expect(error).toMatchObject({ code: "MEDIA_INSTANCE_LOST", retryable: true });
    expect(error.message).toMatch(message);
    expect(media.instanceLost).toBe(true);
  });

  it("a failure the instance reports itself (an error event) does not count as losing it", async () => {
    const failing = async () =>
      eventStream(['{"type":"error","code":"FFMPEG_FAILED","message":"ffmpeg failed","retryable":true}'], "end");
    const media = new MediaClient(containerTransport(namespaceAnswering(failing), 2, SECRET, 0));
    expect(await probeFailure(media)).toMatchObject({ code: "FFMPEG_FAILED", retryable: true });
    expect(media.instanceLost).toBe(false);
  });
});

describe("MEDIA_SERVICE_URL with one URL per instance", () => {
  it("sends an attempt's calls to its instance's URL, so a dead process is that instance's loss only", async () => {
    const settings = {
      ...getSettings(env),
      // Instance 1's process is gone: nothing listens on port 9.
      MEDIA_SERVICE_URL: [inject("mediaServiceUrl"), "http://127.0.0.1:9"],
      MEDIA_CONTAINER_INSTANCES: 2,
    };
    const alive = createMediaClient(env, settings, 0);
    expect((await alive.health()).status).toBe("ok");
    expect(alive.instanceLost).toBe(false);
    const dead = createMediaClient(env, settings, 1);
    expect(await dead.health().catch((e: unknown) => e)).toMatchObject({ code: "MEDIA_INSTANCE_LOST" });
    expect(dead.instanceLost).toBe(true);
    // Instance numbers beyond the list wrap around it, as container instances do.
    expect((await createMediaClient(env, settings, 2).health()).status).toBe("ok");
  });
});
