import type { LogEvent } from "../../container/src/protocol/contract";
import type { Asset } from "../db/schema/assets";
import type { JobContext } from "../jobs/handler";
import type { MediaInput } from "../media/media-client";

/**
 * The `transcript` input of the chat-model ops (scenes, chapters, translate, quiz): a JSON file, because an hour of
 * segments is far over the 64 KB header line. The caller types `input` with its op's input schema.
 */
export function transcriptInput(input: { segments: readonly unknown[] }): MediaInput {
  const body = new TextEncoder().encode(JSON.stringify(input));
  return { name: "transcript", size: body.byteLength, body: new Blob([body]).stream() };
}

/** How long the lesson is: the probed video, or the transcript's audio length until ingest has probed it. */
export function lessonDuration(asset: Pick<Asset, "durationSeconds">, transcript: { duration: number }): number {
  return asset.durationSeconds && asset.durationSeconds > 0 ? asset.durationSeconds : transcript.duration;
}

/** The media service's log lines as job log lines; its debug lines stay in the service's own log. */
export function jobLogRelay(ctx: Pick<JobContext<unknown>, "log">): (event: LogEvent) => Promise<void> {
  return async (event) => {
    if (event.level !== "debug") await ctx.log(event.level, event.message, event.details);
  };
}
