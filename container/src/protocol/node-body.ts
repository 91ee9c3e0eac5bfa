import type { Readable } from "node:stream";
import { ByteReader, FramingError } from "./byte-reader";

/** Pause the request once this much is queued unread; resume below a quarter of it. */
const PAUSE_AT_BYTES = 4 * 1024 * 1024;

/**
 * A ByteReader over a Node request body, read through its "data" events. Node's web-stream adapter
 * (`Readable.toWeb`, what `c.req.raw.body` is under @hono/node-server) cost about a third of the service's CPU
 * while receiving a large upload, and a Readable's async iterator was slower still (it concatenates chunks).
 */
export function readNodeBody(body: Readable): ByteReader {
  const queue: Uint8Array[] = [];
  let queued = 0;
  let ended = false;
  let failure: unknown;
  let waiting: (() => void)[] = [];
  const notify = () => {
    const wake = waiting;
    waiting = [];
    for (const resolve of wake) resolve();
  };
  const onData = (chunk: Buffer) => {
    queue.push(chunk);
    queued += chunk.length;
    if (queued >= PAUSE_AT_BYTES) body.pause();
    notify();
  };
  const onEnd = () => {
    ended = true;
    notify();
  };
  const onError = (error: unknown) => {
    failure ??= error;
    notify();
  };
  const onClose = () => {
    if (!ended) failure ??= new FramingError("request body closed before it ended");
    notify();
  };
  // Also ends a read that is waiting, so whoever awaits the body (the request's cleanup) is not left hanging.
  const detach = (reason: string) => {
    body.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
    queue.length = 0;
    queued = 0;
    failure ??= new FramingError(reason);
    notify();
  };
  body.on("data", onData).on("end", onEnd).on("error", onError).on("close", onClose);

  return new ByteReader({
    async read() {
      for (;;) {
        const chunk = queue.shift();
        if (chunk) {
          queued -= chunk.length;
          if (queued < PAUSE_AT_BYTES / 4 && body.isPaused()) body.resume();
          return { done: false, value: chunk };
        }
        if (failure) throw failure;
        if (ended) return { done: true };
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
    },
    async cancel() {
      detach("request body reading was cancelled");
      // Without an error: ours are detached, and on a plain Readable an unheard "error" would crash the process.
      body.destroy();
    },
    release() {
      // @hono/node-server drains an unread body once the answer is sent; our queue must not keep it meanwhile.
      detach("request body reading was stopped");
    },
  });
}
