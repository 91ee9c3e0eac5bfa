import type { z } from "zod";
import { EVENT_STREAM_CONTENT_TYPE, ServiceErrorBodySchema } from "../../container/src/protocol/contract";
import { MEDIA_OPS, type MediaOpName, type MediaOps } from "../../container/src/protocol/media-ops";
import type { ProbeResultData } from "../../container/src/protocol/probe-contract";
import { serviceAuthHeaders } from "../../container/src/protocol/service-auth";
import type { Env, Settings } from "../env";
import { type MediaEventHandlers, readEventStream } from "./event-stream";
import { encodeFramedRequest, type MediaInput } from "./framed-request";
import { MediaClientErrorCode, MediaServiceError } from "./media-errors";

export type { MediaEventHandlers, MediaFile } from "./event-stream";
export type { MediaInput } from "./framed-request";
export { MediaClientErrorCode, MediaServiceError } from "./media-errors";
export { r2Input } from "./r2-input";
export type { MediaOpName, ProbeResultData };

/** Where requests go: a URL (local process, tests) or the Container binding (deployed). Same HTTP contract. */
export interface MediaTransport {
  readonly kind: "url" | "container";
  fetch(path: string, init: RequestInit): Promise<Response>;
}

/**
 * Adds the shared secret the service requires on every call. Without one nothing is sent: the service would
 * refuse the call anyway, and this says which setting is missing.
 */
function withSecret(init: RequestInit, secret: string | undefined): RequestInit {
  if (!secret) {
    throw new MediaServiceError(
      MediaClientErrorCode.notConfigured,
      "MEDIA_SERVICE_SECRET is not set: the media service refuses calls without it (set the same secret for both)",
      false,
    );
  }
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(serviceAuthHeaders(secret))) headers.set(name, value);
  return { ...init, headers };
}

export function urlTransport(baseUrl: string, secret: string | undefined): MediaTransport {
  const base = baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`;
  return {
    kind: "url",
    fetch: async (path, init) => fetch(new URL(path.replace(/^\//, ""), base), withSecret(init, secret)),
  };
}

/**
 * Calls go to container `instance` (a job's attempt: the least busy one when the scheduler granted its slot), else
 * to a random one of `instances` (calls are stateless, so any will do). The secret is defence in depth here: only
 * this Worker holds the binding, but the service checks every caller the same way.
 */
export function containerTransport(
  namespace: Env["MEDIA_CONTAINER"],
  instances: number,
  secret: string | undefined,
  chosen?: number,
): MediaTransport {
  return {
    kind: "container",
    async fetch(path, init) {
      const request = withSecret(init, secret);
      // Same naming as @cloudflare/containers' getRandom, so instances are shared with any other caller.
      const instance = chosen === undefined ? Math.floor(Math.random() * instances) : chosen % instances;
      const stub = namespace.get(namespace.idFromName(`instance-${instance}`));
      // The host is ignored: the Container class forwards to the service's port.
      return stub.fetch(new Request(new URL(path, "http://media-service"), request));
    },
  };
}

export interface MediaHealth {
  status: "ok";
  ffmpeg: { version: string; source: "path" | "npm" };
  active: number;
  waiting: number;
  max_concurrency: number;
}

/** What the op's contract accepts as options; the service applies the defaults. */
export type MediaOptions<Op extends MediaOpName> = z.input<MediaOps[Op]["optionsSchema"]>;
/** The op's own events (e.g. transcribe's `segments`), parsed with its contract. */
export type MediaEvent<Op extends MediaOpName> = z.output<MediaOps[Op]["events"][keyof MediaOps[Op]["events"]]>;
/** `result.data`, parsed with the op's contract. */
export type MediaResult<Op extends MediaOpName> = z.output<MediaOps[Op]["resultSchema"]>;

export type MediaCall<Op extends MediaOpName> = MediaEventHandlers<MediaEvent<Op>> & {
  inputs: MediaInput[];
  /** Aborting closes the connection: the service kills its ffmpeg/OpenAI work and cleans up. */
  signal?: AbortSignal;
} & (object extends MediaOptions<Op>
    ? { /** Sent in the header line beside `inputs`. */ options?: MediaOptions<Op> }
    : { /** Sent in the header line beside `inputs`. */ options: MediaOptions<Op> });

/** A call as the implementation sees it; the public signature ties options, events and result to the op. */
type AnyMediaCall = MediaEventHandlers<unknown> & {
  inputs: MediaInput[];
  signal?: AbortSignal;
  options?: Record<string, unknown>;
};

/** The only code that talks to the media service. Build it once per job/request with `createMediaClient`. */
export class MediaClient {
  private lost = false;

  constructor(readonly transport: MediaTransport) {}

  /**
   * Whether a call found its instance dead (MEDIA_INSTANCE_LOST), however the caller then reported the failure:
   * the job engine reads it after an attempt so that the retry avoids that instance.
   */
  get instanceLost(): boolean {
    return this.lost;
  }

  async health(signal?: AbortSignal): Promise<MediaHealth> {
    return this.noteLoss(async () => {
      const response = await this.send("/health", { method: "GET", signal }, signal);
      if (!response.ok) throw await this.failure(response);
      return (await response.json()) as MediaHealth;
    });
  }

  /**
   * Runs POST /v1/<op>: streams the inputs in, hands events to the handlers as they arrive, and returns
   * `result.data` parsed with the op's contract. Throws MediaServiceError (see `retryable`), or the signal's
   * reason when aborted.
   */
  call<Op extends MediaOpName>(op: Op, call: MediaCall<Op>): Promise<MediaResult<Op>>;
  async call(op: MediaOpName, call: AnyMediaCall): Promise<Record<string, unknown>> {
    return this.noteLoss(() => this.run(op, call));
  }

  private async noteLoss<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof MediaServiceError && error.code === MediaClientErrorCode.instanceLost) this.lost = true;
      throw error;
    }
  }

  private async run(op: MediaOpName, call: AnyMediaCall): Promise<Record<string, unknown>> {
    const { signal } = call;
    signal?.throwIfAborted();
    const request = encodeFramedRequest(call.options ?? {}, call.inputs, signal);
    // A failed upload (e.g. an input's size was wrong) explains more than the failed fetch or 400 it caused.
    const uploadFailure = () => {
      const failure = request.failure();
      return failure instanceof MediaServiceError ? failure : undefined;
    };
    const response = await this.send(
      `/v1/${op}`,
      {
        method: "POST",
        body: request.body,
        headers: { "content-type": "application/octet-stream", "content-length": String(request.length) },
        signal,
      },
      signal,
      uploadFailure,
    );
    if (!response.ok || !response.body) {
      throw uploadFailure() ?? (await this.failure(response));
    }
    const type = response.headers.get("content-type") ?? "";
    if (!type.startsWith(EVENT_STREAM_CONTENT_TYPE)) {
      await response.body.cancel();
      throw new MediaServiceError(
        MediaClientErrorCode.protocol,
        `The media service answered ${type}, not an event stream`,
        false,
      );
    }
    const contract = MEDIA_OPS[op];
    let data: Record<string, unknown>;
    try {
      data = await readEventStream(response.body, call, contract.events);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw error;
    }
    const parsed = contract.resultSchema.safeParse(data);
    if (!parsed.success) {
      throw new MediaServiceError(
        MediaClientErrorCode.protocol,
        `The media service sent a malformed ${op} result`,
        false,
      );
    }
    return parsed.data;
  }

  /** POST /v1/probe for one video: probe fields, the poster as an `onFile` file, and optionally a storyboard. */
  async probe(
    video: MediaInput,
    call: MediaEventHandlers & { signal?: AbortSignal } & MediaOptions<"probe">,
  ): Promise<ProbeResultData> {
    const { thumbnail, storyboard, ...rest } = call;
    return this.call("probe", {
      ...rest,
      options: { thumbnail: thumbnail ?? true, storyboard: storyboard ?? false },
      inputs: [{ ...video, name: "video" }],
    });
  }

  private async send(
    path: string,
    init: RequestInit,
    signal?: AbortSignal,
    explain?: () => MediaServiceError | undefined,
  ): Promise<Response> {
    try {
      return await this.transport.fetch(path, init);
    } catch (cause) {
      if (signal?.aborted) throw signal.reason;
      // The transport's own refusal (no secret configured) already says what is wrong.
      if (cause instanceof MediaServiceError) throw cause;
      const known = explain?.();
      if (known) throw known;
      // Refused or dropped (the process or container is gone), or the Container binding's fetch threw.
      throw new MediaServiceError(
        MediaClientErrorCode.instanceLost,
        `The media service could not be reached: ${(cause as Error)?.message ?? cause}`,
        true,
        { cause },
      );
    }
  }

  private async failure(response: Response): Promise<MediaServiceError> {
    const text = await response.text().catch(() => "");
    let code: string | undefined;
    let message = text.slice(0, 300) || response.statusText;
    try {
      const parsed = ServiceErrorBodySchema.safeParse(JSON.parse(text));
      if (parsed.success) ({ code, message } = parsed.data.error);
    } catch {
      // not JSON: keep the raw text
    }
    const status = response.status;
    if (status === 503) {
      const retryAfter = Number(response.headers.get("retry-after"));
      return new MediaServiceError(code ?? MediaClientErrorCode.busy, `The media service is busy: ${message}`, true, {
        status,
        retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
      });
    }
    if (status >= 400 && status < 500) {
      return new MediaServiceError(
        code ?? MediaClientErrorCode.badRequest,
        `The media service refused the request: ${message}`,
        false,
        {
          status,
        },
      );
    }
    return new MediaServiceError(
      code ?? MediaClientErrorCode.unavailable,
      `The media service failed (${status}): ${message}`,
      true,
      {
        status,
      },
    );
  }
}

/**
 * MEDIA_SERVICE_URL when set (local dev, tests), else the MEDIA_CONTAINER binding. `instance` (a job attempt's)
 * picks the container instance, or the URL of that instance when several are listed; without one, any will do.
 */
export function createMediaClient(
  bindings: Pick<Env, "MEDIA_CONTAINER">,
  settings: Pick<Settings, "MEDIA_SERVICE_URL" | "MEDIA_CONTAINER_INSTANCES" | "MEDIA_SERVICE_SECRET">,
  instance?: number,
): MediaClient {
  const secret = settings.MEDIA_SERVICE_SECRET;
  const urls = settings.MEDIA_SERVICE_URL;
  if (urls && urls.length > 0) {
    const index = instance === undefined ? Math.floor(Math.random() * urls.length) : instance % urls.length;
    return new MediaClient(urlTransport(urls[index]!, secret));
  }
  const { MEDIA_CONTAINER: namespace } = bindings;
  return new MediaClient(containerTransport(namespace, settings.MEDIA_CONTAINER_INSTANCES, secret, instance));
}
