import { EVENT_STREAM_CONTENT_TYPE, ServiceErrorBodySchema } from "../../container/src/protocol/contract";
import { type ProbeResultData, ProbeResultDataSchema } from "../../container/src/protocol/probe-contract";
import type { Env, Settings } from "../env";
import { type MediaEventHandlers, readEventStream } from "./event-stream";
import { encodeFramedRequest, type MediaInput } from "./framed-request";
import { MediaClientErrorCode, MediaServiceError } from "./media-errors";

export type { MediaEventHandlers, MediaFile } from "./event-stream";
export type { MediaInput } from "./framed-request";
export { MediaClientErrorCode, MediaServiceError } from "./media-errors";
export { r2Input } from "./r2-input";
export type { ProbeResultData };

/** Where requests go: a URL (local process, tests) or the Container binding (deployed). Same HTTP contract. */
export interface MediaTransport {
  readonly kind: "url" | "container";
  fetch(path: string, init: RequestInit): Promise<Response>;
}

export function urlTransport(baseUrl: string): MediaTransport {
  const base = baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`;
  return { kind: "url", fetch: (path, init) => fetch(new URL(path.replace(/^\//, ""), base), init) };
}

/** Spreads calls over `instances` containers; calls are stateless, so any instance will do. */
export function containerTransport(namespace: Env["MEDIA_CONTAINER"], instances: number): MediaTransport {
  return {
    kind: "container",
    async fetch(path, init) {
      // Same naming as @cloudflare/containers' getRandom, so instances are shared with any other caller.
      const instance = Math.floor(Math.random() * instances);
      const stub = namespace.get(namespace.idFromName(`instance-${instance}`));
      // The host is ignored: the Container class forwards to the service's port.
      return stub.fetch(new Request(new URL(path, "http://media-service"), init));
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

export interface MediaCall extends MediaEventHandlers {
  /** Op options, sent in the header line beside `inputs`. */
  options?: Record<string, unknown>;
  inputs: MediaInput[];
  /** Aborting closes the connection: the service kills its ffmpeg/OpenAI work and cleans up. */
  signal?: AbortSignal;
}

/** The only code that talks to the media service. Build it once per job/request with `createMediaClient`. */
export class MediaClient {
  constructor(readonly transport: MediaTransport) {}

  async health(signal?: AbortSignal): Promise<MediaHealth> {
    const response = await this.send("/health", { method: "GET", signal }, signal);
    if (!response.ok) throw await this.failure(response);
    return (await response.json()) as MediaHealth;
  }

  /**
   * Runs POST /v1/<op>: streams the inputs in, hands events to the handlers as they arrive, and returns
   * `result.data`. Throws MediaServiceError (see `retryable`), or the signal's reason when aborted.
   */
  async call(op: string, call: MediaCall): Promise<Record<string, unknown>> {
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
    try {
      return await readEventStream(response.body, call);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw error;
    }
  }

  /** POST /v1/probe for one video: probe fields, the poster as an `onFile` file, and optionally a storyboard. */
  async probe(
    video: MediaInput,
    call: MediaEventHandlers & {
      signal?: AbortSignal;
      thumbnail?: boolean;
      storyboard?: false | { tiles?: number; columns?: number; tile_width?: number };
    },
  ): Promise<ProbeResultData> {
    const { thumbnail, storyboard, ...rest } = call;
    const data = await this.call("probe", {
      ...rest,
      options: { thumbnail: thumbnail ?? true, storyboard: storyboard ?? false },
      inputs: [{ ...video, name: "video" }],
    });
    const parsed = ProbeResultDataSchema.safeParse(data);
    if (!parsed.success) {
      throw new MediaServiceError(
        MediaClientErrorCode.protocol,
        "The media service sent a malformed probe result",
        false,
      );
    }
    return parsed.data;
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
      const known = explain?.();
      if (known) throw known;
      throw new MediaServiceError(
        MediaClientErrorCode.unavailable,
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

/** MEDIA_SERVICE_URL when set (local dev, tests), else the MEDIA_CONTAINER binding. */
export function createMediaClient(
  bindings: Pick<Env, "MEDIA_CONTAINER">,
  settings: Pick<Settings, "MEDIA_SERVICE_URL" | "MEDIA_CONTAINER_INSTANCES">,
): MediaClient {
  if (settings.MEDIA_SERVICE_URL) return new MediaClient(urlTransport(settings.MEDIA_SERVICE_URL));
  return new MediaClient(containerTransport(bindings.MEDIA_CONTAINER, settings.MEDIA_CONTAINER_INSTANCES));
}
