import type { IncomingMessage } from "node:http";
import type { Context, Hono } from "hono";
import type { z } from "zod";
import type { Config } from "./config";
import type { FfmpegBinaries } from "./ffmpeg/binaries";
import { ProcessKilledError } from "./ffmpeg/killed";
import { BusyError, type ConcurrencyLimiter } from "./limiter";
import type { Logger } from "./logger";
import { checkHeader, parseOwnOutput } from "./op-contract-checks";
import { ByteReader } from "./protocol/byte-reader";
import {
  type CustomEvent,
  EVENT_STREAM_CONTENT_TYPE,
  MediaErrorCode,
  type ServiceErrorBody,
} from "./protocol/contract";
import { EventWriter } from "./protocol/event-writer";
import { type InputFile, RequestError, readRequestHeader, receiveInputs } from "./protocol/framed-request";
import type { InputServer, PublishedInput } from "./protocol/input-server";
import { readNodeBody } from "./protocol/node-body";
import type { OpContract } from "./protocol/op-contract";
import { Workspace } from "./workspace";

/** What every op is given; built by the app once. */
export interface ServiceDeps {
  config: Config;
  limiter: ConcurrencyLimiter;
  ffmpeg: FfmpegBinaries;
  logger: Logger;
  /** Serves inputs of ops that `streamsInputs` to ffmpeg while they arrive. */
  inputServer: InputServer;
}

/** One of the op's own events, as its contract declares them. */
type OpEventInput<Contract extends OpContract> = z.input<Contract["events"][keyof Contract["events"]]>;

/** What an op's `run` is given: its contract's parsed options, and `emit` for its contract's events. */
export type OpContextOf<Contract extends OpContract> = OpContext<
  z.output<Contract["optionsSchema"]>,
  OpEventInput<Contract>
>;

export interface OpContext<Options = unknown, Event = unknown> {
  options: Options;
  inputs: Record<string, InputFile>;
  workspace: Workspace;
  /** Aborted when the client disconnects or the service shuts down; pass it to every process and fetch. */
  signal: AbortSignal;
  events: EventWriter;
  /** Sends one of the op's own events after parsing it with the contract's schema for its `type`. */
  emit(event: Event): Promise<void>;
  deps: ServiceDeps;
}

/** A failure the op explains to the caller; becomes the stream's `error` event. */
export class OpError extends Error {
  override name = "OpError";
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface MediaOp<Contract extends OpContract> {
  /** Name, options, inputs, events and result, shared with the Worker; served at POST /v1/<contract.name>. */
  contract: Contract;
  /**
   * Start as soon as the header is read, reading inputs through `source` while the body still arrives, instead
   * of after the last byte. For ops that need only part of a file (the probe reads the index and a few frames).
   */
  streamsInputs?: boolean;
  /** Emits progress/log/file events through ctx.events and returns the `result` data, parsed before it is sent. */
  run(ctx: OpContextOf<Contract>): Promise<z.input<Contract["resultSchema"]>>;
}

export const defineOp = <Contract extends OpContract>(op: MediaOp<Contract>) => op;

/** Any op, as the router holds it: `run` is only ever given options parsed by the op's own contract. */
export interface RegisteredOp {
  contract: OpContract;
  streamsInputs?: boolean;
  run(ctx: OpContext): Promise<unknown>;
}

const errorBody = (code: string, message: string): ServiceErrorBody => ({ error: { code, message } });

/**
 * Registers POST /v1/<contract.name>: concurrency slot, framed request into a fresh workspace, then the op's
 * events streamed back. The workspace and slot are released when the op ends, fails or is aborted.
 */
export function registerOp(app: Hono, op: RegisteredOp, deps: ServiceDeps, shutdown: AbortSignal) {
  const { contract } = op;
  const eventSchemas: Record<string, z.ZodType<CustomEvent>> = contract.events;
  app.post(`/v1/${contract.name}`, async (c) => {
    const requestSignal = c.req.raw.signal;
    let release: () => void;
    try {
      release = await deps.limiter.acquire(requestSignal);
    } catch (error) {
      if (error instanceof BusyError) {
        c.header("Retry-After", String(error.retryAfterSeconds));
        return c.json(errorBody("BUSY", error.message), 503);
      }
      throw error;
    }

    const controller = new AbortController();
    const abort = (reason: unknown) => controller.abort(reason);
    const signal = AbortSignal.any([requestSignal, shutdown, controller.signal]);
    let workspace: Workspace | undefined;

    let ctx: OpContext;
    let received: Promise<void> | undefined;
    let reader: ByteReader | undefined;
    const published: PublishedInput[] = [];
    const cleanup = async () => {
      // The body keeps arriving after an op that finishes early; its files stay until the upload is over.
      await received?.catch(() => {});
      for (const input of published) input.revoke();
      await workspace
        ?.dispose()
        .catch((error) => deps.logger.error("workspace_cleanup_failed", { error: String(error) }));
      release();
    };
    try {
      reader = requestBody(c);
      const header = await readRequestHeader(reader);
      const options = checkHeader(contract, header, deps.config.MEDIA_MAX_INPUT_BYTES);
      workspace = await Workspace.create(deps.config.MEDIA_TMP_DIR);
      const uploadStarted = Date.now();
      const arriving = receiveInputs(reader, header.inputs, workspace);
      received = arriving.done.then(() => {
        const bytes = header.inputs.reduce((sum, input) => sum + input.size, 0);
        deps.logger.info("op_inputs_received", { op: contract.name, bytes, ms: Date.now() - uploadStarted });
      });
      // Awaited below; until then a failed upload must not count as an unhandled rejection.
      received.catch(() => {});
      if (!op.streamsInputs) await received;
      const inputs: Record<string, InputFile> = {};
      for (const [name, file] of Object.entries(arriving.files)) {
        let source = file.path;
        if (op.streamsInputs) {
          const input = await deps.inputServer.publish(file);
          published.push(input);
          source = input.url;
        }
        inputs[name] = { name, size: file.size, path: file.path, source, waitFor: (bytes) => file.waitFor(bytes) };
      }
      const events = new EventWriter(abort, requestSignal);
      const emit = (event: unknown) => {
        const type = typeof event === "object" && event !== null && "type" in event ? String(event.type) : "";
        const schema = eventSchemas[type];
        if (!schema) throw new Error(`${contract.name} declares no '${type}' event`);
        return events.emit(parseOwnOutput(schema, event, `${contract.name} ${type} event`));
      };
      ctx = { options, inputs, workspace, signal, events, emit, deps };
    } catch (error) {
      reader?.release();
      await cleanup();
      if (error instanceof RequestError) return c.json(errorBody(error.code, error.message), 400);
      throw error;
    }

    const running = execute(op, ctx, signal, deps.logger, cleanup);
    // An op that streams its inputs is already working; the answer still waits for the whole body, so that
    // bad framing is a 400 like for every other op, and a failed upload stops the op.
    try {
      await received;
    } catch (error) {
      reader?.release();
      abort(error);
      await ctx.events.readable.cancel(error).catch(() => {});
      await running;
      if (error instanceof RequestError) return c.json(errorBody(error.code, error.message), 400);
      throw error;
    }
    return new Response(ctx.events.readable, {
      status: 200,
      headers: { "content-type": EVENT_STREAM_CONTENT_TYPE, "cache-control": "no-store" },
    });
  });
}

/**
 * The request body as a ByteReader. Under @hono/node-server it reads the IncomingMessage itself: touching
 * `c.req.raw.body` there would wrap it in a web stream, whose adapter cost a third of the service's CPU on a
 * large upload.
 */
function requestBody(c: Context): ByteReader {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming) return readNodeBody(incoming);
  if (!c.req.raw.body) {
    throw new RequestError("INVALID_HEADER", "Request body is empty; expected a JSON header line");
  }
  return ByteReader.from(c.req.raw.body);
}

async function execute(
  op: RegisteredOp,
  ctx: OpContext,
  signal: AbortSignal,
  logger: Logger,
  cleanup: () => Promise<void>,
) {
  const started = Date.now();
  const name = op.contract.name;
  try {
    await ctx.events.result(parseOwnOutput(op.contract.resultSchema, await op.run(ctx), `${name} result`));
    logger.info("op_done", { op: name, ms: Date.now() - started });
  } catch (error) {
    const killed = error instanceof ProcessKilledError ? error : undefined;
    if (signal.aborted || killed) {
      const reason = String(killed ?? signal.reason);
      logger.warn("op_aborted", { op: name, ms: Date.now() - started, reason });
      await ctx.events.error(MediaErrorCode.aborted, "The request was aborted", true).catch(() => {});
    } else if (error instanceof OpError) {
      logger.warn("op_failed", { op: name, code: error.code, error: error.message });
      await ctx.events.error(error.code, error.message, error.retryable).catch(() => {});
    } else {
      logger.error("op_crashed", { op: name, error: String(error), stack: (error as Error)?.stack });
      await ctx.events
        .error(MediaErrorCode.internal, `Media service error: ${(error as Error)?.message ?? error}`, true)
        .catch(() => {});
    }
  } finally {
    // Clean up before ending the stream: once a client sees the end, the workspace is gone and the slot is free.
    await cleanup();
    await ctx.events.close();
  }
}
