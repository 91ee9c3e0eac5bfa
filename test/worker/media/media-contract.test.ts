// The Worker's side of the media contracts (container/src/protocol/<op>-contract.ts): calls are typed per op, and
// what arrives is parsed with the op's schemas. The service is framed by hand here, so it can break the contract.
import { describe, expect, expectTypeOf, it } from "vitest";
import { EVENT_STREAM_CONTENT_TYPE, encodeLine } from "../../../container/src/protocol/contract";
import type { ScenesResult } from "../../../container/src/protocol/scenes-contract";
import type { ChunkSegmentsEvent, TranscribeResult } from "../../../container/src/protocol/transcribe-contract";
import { MediaClient, MediaServiceError } from "../../../worker/media/media-client";

/** A client whose service answers every call with these events (after reading the request). */
function answering(...events: unknown[]) {
  const requests: unknown[] = [];
  const client = new MediaClient({
    kind: "url",
    async fetch(path, init) {
      const header = (await new Response(init.body).text()).split("\n")[0] ?? "";
      requests.push({ path, header: JSON.parse(header) });
      const body = new Blob(events.map((event) => encodeLine(event))).stream();
      return new Response(body, { headers: { "content-type": EVENT_STREAM_CONTENT_TYPE } });
    },
  });
  return { client, requests };
}

const segments: ChunkSegmentsEvent = {
  type: "segments",
  chunk_index: 0,
  start: 0,
  end: 2,
  request_id: "req_1",
  segments: [{ index: 0, start: 0, end: 2, duration: 2, text: "Hello." }],
};

const transcript: TranscribeResult = {
  text: "Hello.",
  language: "en",
  duration: 2,
  segment_count: 1,
  segments: segments.segments,
  words: null,
  usage: { audio_seconds: 2, requests: 1 },
  model: "whisper-1",
  request_id: "req_1",
  request_ids: ["req_1"],
  chunks: [{ index: 0, start: 0, end: 2, bytes: 100, request_id: "req_1", attempts: 1 }],
  audio: { codec: "flac", bitrate_kbps: null, sample_rate: 16000, channels: 1, chunk_seconds: 600 },
};

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable("expected the call to fail"),
    (error: unknown) => error,
  );

describe("MediaClient.call", () => {
  it("is typed by the op's contract: options, events and result", () => {
    const media = answering().client;
    const transcribe = () => media.call("transcribe", { inputs: [], options: { language: "en" } });
    expectTypeOf(transcribe).returns.resolves.toEqualTypeOf<TranscribeResult>();
    const scenes = () => media.call("scenes", { inputs: [], options: { duration: 60 } });
    expectTypeOf(scenes).returns.resolves.toEqualTypeOf<ScenesResult>();
    const withEvents = (onEvent: (event: ChunkSegmentsEvent) => void) =>
      media.call("transcribe", { inputs: [], onEvent });
    expectTypeOf(withEvents).parameter(0).toEqualTypeOf<(event: ChunkSegmentsEvent) => void>();
    const mistakes = [
      // @ts-expect-error: scenes needs options, with a duration
      () => media.call("scenes", { inputs: [] }),
      // @ts-expect-error: language is a string
      () => media.call("transcribe", { inputs: [], options: { language: 1 } }),
      // @ts-expect-error: an op the service does not have
      () => media.call("translate", { inputs: [] }),
    ];
    expect(mistakes).toHaveLength(3);
  });

  it("hands the op's declared events to onEvent, parsed, skips undeclared ones, and returns the parsed result", async () => {
    const { client, requests } = answering(
      { type: "progress", percent: 50 },
      segments,
      { type: "chapters", items: [] },
      { type: "result", data: { ...transcript, extra: "dropped" } },
    );
    const received: ChunkSegmentsEvent[] = [];
    const result = await client.call("transcribe", {
      inputs: [],
      options: { language: "en", chunk_seconds: 60 },
      onEvent: (event) => void received.push(event),
    });
    expect(requests).toEqual([{ path: "/v1/transcribe", header: { language: "en", chunk_seconds: 60, inputs: [] } }]);
    expect(received).toEqual([segments]);
    expect(result).toEqual(transcript);
  });

  it("refuses an event of the op that breaks its schema", async () => {
    const { client } = answering({ ...segments, chunk_index: -1 }, { type: "result", data: transcript });
    const error = await failure(client.call("transcribe", { inputs: [], onEvent: () => {} }));
    expect(error).toBeInstanceOf(MediaServiceError);
    expect(error).toMatchObject({
      code: "MEDIA_PROTOCOL_ERROR",
      retryable: false,
      message: "The media service sent a malformed segments event",
    });
  });

  it("refuses a result that breaks the op's schema", async () => {
    const { client } = answering({ type: "result", data: { ...transcript, segments: "none" } });
    const error = await failure(client.call("transcribe", { inputs: [] }));
    expect(error).toBeInstanceOf(MediaServiceError);
    expect(error).toMatchObject({
      code: "MEDIA_PROTOCOL_ERROR",
      retryable: false,
      message: "The media service sent a malformed transcribe result",
    });
  });
});
