import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { testBinaries } from "../media/generate";
import { type FakeBehaviour, FakeControl, type FakeEndpoint, type ReceivedRequest } from "./behaviours";
import { readPrompt, sceneAnswer, strictSchemaProblem } from "./chat";
import { lessonToolAnswer } from "./lesson-tools";
import { answerQuiz, isQuizRequest, QuizFakeState } from "./quiz";
import { analyzeAudio, verboseTranscription } from "./transcription";
import { withWordsIfAsked } from "./words";

export interface FakeOpenAI {
  /** Base URL including /v1, for OPENAI_BASE_URL. */
  url: string;
  control: FakeControl;
  stop(): Promise<void>;
}

class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

const apiError = (status: number, message: string, type: string, code: string | null = null, headers = {}) =>
  new Reply(status, { error: { message, type, param: null, code } }, headers);

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

function behaviourReply(behaviour: FakeBehaviour | undefined, model: string | null): Reply | undefined {
  switch (behaviour?.kind) {
    case "rate_limit": {
      const headers: Record<string, string> = { "x-ratelimit-remaining-requests": "0" };
      if (behaviour.retry_after !== undefined) headers["retry-after"] = String(behaviour.retry_after);
      if (behaviour.retry_after_ms !== undefined) headers["retry-after-ms"] = String(behaviour.retry_after_ms);
      const wait = behaviour.retry_after ?? (behaviour.retry_after_ms ?? 1000) / 1000;
      const message = `Rate limit reached for ${model} on requests per min (RPM): Limit 50, Used 50, Requested 1. Please try again in ${wait}s.`;
      return apiError(429, message, "requests", "rate_limit_exceeded", headers);
    }
    case "server_error":
      return apiError(
        behaviour.status ?? 500,
        "The server had an error while processing your request. Sorry about that!",
        "server_error",
      );
    case "bad_request":
      return apiError(400, behaviour.message ?? "Invalid request.", "invalid_request_error");
    default:
      return undefined;
  }
}

export async function startFakeOpenAI(options: { port?: number; apiKey?: string } = {}): Promise<FakeOpenAI> {
  const control = new FakeControl();
  const bins = await testBinaries();
  const scratch = await mkdtemp(path.join(os.tmpdir(), "fake-openai-"));
  const quizState = new QuizFakeState();

  async function transcription(
    req: IncomingMessage,
    body: Buffer,
    entry: ReceivedRequest,
    behaviour?: FakeBehaviour,
  ): Promise<Reply> {
    let form: FormData;
    try {
      form = await new Response(body, { headers: { "content-type": req.headers["content-type"] ?? "" } }).formData();
    } catch {
      return apiError(400, "Could not parse multipart form", "invalid_request_error");
    }
    const fields: Record<string, string | string[]> = {};
    for (const [key, value] of form.entries()) {
      if (typeof value !== "string") continue;
      const existing = fields[key];
      fields[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
    }
    entry.fields = fields;
    entry.model = typeof fields.model === "string" ? fields.model : null;
    const file = form.get("file");
    if (!(file instanceof Blob)) return apiError(400, "Missing required parameter: 'file'.", "invalid_request_error");
    const filename = (file as File).name ?? "upload";
    const local = path.join(scratch, `${entry.request_id}${path.extname(filename)}`);
    await writeFile(local, Buffer.from(await file.arrayBuffer()));
    try {
      const meta = { filename, content_type: file.type, bytes: file.size };
      const analysis = await analyzeAudio(bins, local, meta, control.speechAnalysis);
      entry.audio = analysis;
      const early = behaviourReply(behaviour, entry.model);
      if (early) return early;
      if (!entry.model) return apiError(400, "Missing required parameter: 'model'.", "invalid_request_error");
      if (file.size > 25 * 1024 * 1024) {
        return apiError(413, "Maximum content size limit (26214400) exceeded.", "invalid_request_error");
      }
      if (!analysis.duration) return apiError(400, "Invalid file format.", "invalid_request_error", "invalid_value");
      if (analysis.duration < 0.1) {
        return apiError(
          400,
          "Audio file is too short. Minimum audio length is 0.1 seconds.",
          "invalid_request_error",
          "audio_too_short",
        );
      }
      const format = typeof fields.response_format === "string" ? fields.response_format : "json";
      const language = typeof fields.language === "string" ? fields.language : undefined;
      const verbose = withWordsIfAsked(verboseTranscription(analysis, language), fields);
      if (format === "verbose_json") {
        if (entry.model.startsWith("gpt-4o")) {
          return apiError(
            400,
            `response_format 'verbose_json' is not compatible with model '${entry.model}'.`,
            "invalid_request_error",
          );
        }
        return new Reply(200, verbose);
      }
      return new Reply(200, { text: verbose.text, usage: verbose.usage });
    } finally {
      await rm(local, { force: true });
    }
  }

  async function chat(body: Buffer, entry: ReceivedRequest, behaviour?: FakeBehaviour): Promise<Reply> {
    let json: { model?: string; messages?: { role: string; content: string }[]; response_format?: unknown };
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch {
      return apiError(400, "We could not parse the JSON body of your request.", "invalid_request_error");
    }
    entry.model = json.model ?? null;
    entry.system_prompt = json.messages?.find((m) => m.role === "system")?.content;
    entry.prompt = json.messages?.findLast((m) => m.role === "user")?.content;
    entry.response_format = json.response_format;
    const early = behaviourReply(behaviour, entry.model);
    if (early) return early;
    if (!entry.model) return apiError(400, "you must provide a model parameter", "invalid_request_error");
    const schemaProblem = strictSchemaProblem(json.response_format);
    if (schemaProblem) return apiError(400, schemaProblem, "invalid_request_error", "invalid_json_schema");
    const quiz = await answerQuiz(quizState, json.response_format, entry.prompt ?? "");
    if (quiz && "error" in quiz) return apiError(quiz.error.status, quiz.error.message, quiz.error.type);
    const content =
      quiz?.content ??
      lessonToolAnswer(json.response_format, entry.prompt ?? "", behaviour) ??
      sceneAnswer(readPrompt(entry.prompt ?? ""), behaviour);
    const promptTokens = Math.ceil(((entry.system_prompt ?? "").length + (entry.prompt ?? "").length) / 4);
    const completionTokens = Math.ceil(content.length / 4);
    return new Reply(200, {
      id: `chatcmpl-${randomBytes(12).toString("hex")}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: `${entry.model}-2024-07-18`,
      choices: [
        {
          index: 0,
          message: { role: "assistant", content, refusal: null, annotations: [] },
          logprobs: null,
          finish_reason: "stop",
        },
      ],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
      },
      service_tier: "default",
      system_fingerprint: "fp_fake",
    });
  }

  async function controlApi(req: IncomingMessage, url: URL): Promise<Reply> {
    const body = req.method === "POST" ? (await readBody(req)).toString("utf8") : "";
    const json = body ? JSON.parse(body) : {};
    if (url.pathname === "/__control/enqueue" && req.method === "POST") {
      control.enqueue(...(Array.isArray(json) ? json : [json]));
      return new Reply(200, { queued: control.pending().length });
    }
    if (url.pathname === "/__control/latency" && req.method === "POST") {
      control.setLatency(Number(json.ms ?? 0));
      return new Reply(200, { latency_ms: control.latencyMs });
    }
    if (url.pathname === "/__control/speech-analysis" && req.method === "POST") {
      control.speechAnalysis = json.enabled !== false;
      return new Reply(200, { speech_analysis: control.speechAnalysis });
    }
    if (url.pathname === "/__control/reset" && req.method === "POST") {
      control.reset();
      return new Reply(200, { reset: true });
    }
    if (url.pathname === "/__control/requests" && req.method === "GET") {
      const endpoint = url.searchParams.get("endpoint") as FakeEndpoint | null;
      return new Reply(200, { requests: control.requests(endpoint ?? undefined), pending: control.pending() });
    }
    return apiError(404, `Unknown control route ${req.method} ${url.pathname}`, "invalid_request_error");
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = Date.now();
    let clientGone = false;
    res.once("close", () => {
      if (!res.writableFinished) clientGone = true;
    });
    const url = new URL(req.url ?? "/", "http://fake");
    const requestId = `req_${randomBytes(16).toString("hex")}`;
    const send = (reply: Reply) => {
      res.writeHead(reply.status, {
        "content-type": "application/json",
        "x-request-id": requestId,
        "openai-version": "2020-10-01",
        "openai-processing-ms": String(Date.now() - receivedAt),
        ...(typeof req.headers["openai-organization"] === "string"
          ? { "openai-organization": req.headers["openai-organization"] }
          : {}),
        ...reply.headers,
      });
      res.end(JSON.stringify(reply.body));
    };
    if (url.pathname.startsWith("/__control/")) return send(await controlApi(req, url));
    const endpoint: FakeEndpoint | "other" =
      req.method === "POST" && url.pathname === "/v1/audio/transcriptions"
        ? "transcriptions"
        : req.method === "POST" && url.pathname === "/v1/chat/completions"
          ? "chat"
          : "other";
    const authorization = req.headers.authorization ?? "";
    const entry: ReceivedRequest = {
      request_id: requestId,
      endpoint,
      path: url.pathname,
      received_at: receivedAt,
      answered_at: 0,
      status: 0,
      behaviour: null,
      authorization: authorization.startsWith("Bearer ") ? "bearer" : "missing",
      organization: (req.headers["openai-organization"] as string | undefined) ?? null,
      model: null,
    };
    control.record(entry);
    let body: Buffer;
    try {
      body = endpoint === "other" ? Buffer.alloc(0) : await readBody(req);
    } catch (error) {
      // The caller gave up while its body was still arriving: recorded, never answered.
      if (!req.destroyed && !clientGone) throw error;
      entry.answered_at = Date.now();
      entry.status = 499;
      return;
    }
    // Quiz requests never take queued behaviours: other test files queue them meanwhile (see quiz-prompt.ts).
    const behaviour =
      endpoint === "other" || (endpoint === "chat" && isQuizRequest(body)) ? undefined : control.take(endpoint, body);
    entry.behaviour = behaviour?.kind ?? null;
    let reply: Reply;
    const key = authorization.slice("Bearer ".length);
    if (endpoint === "other")
      reply = apiError(404, `Invalid URL (${req.method} ${url.pathname})`, "invalid_request_error");
    else if (entry.authorization === "missing") {
      reply = apiError(401, "You didn't provide an API key.", "invalid_request_error");
    } else if ((options.apiKey && key !== options.apiKey) || behaviour?.kind === "unauthorized") {
      // The real API echoes a masked key; echoing it whole makes the redaction test strict.
      reply = apiError(
        401,
        `Incorrect API key provided: ${key}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        "invalid_request_error",
        "invalid_api_key",
      );
    } else if (behaviour?.kind === "drop_connection") {
      entry.status = -1;
      req.socket.destroy();
      return;
    } else {
      reply =
        endpoint === "transcriptions"
          ? await transcription(req, body, entry, behaviour)
          : await chat(body, entry, behaviour);
      const extra = behaviour?.kind === "delay" ? behaviour.ms : 0;
      const wait = receivedAt + control.latencyMs + extra - Date.now();
      if (wait > 0) await sleep(wait);
    }
    entry.answered_at = Date.now();
    // 499 (nginx's "client closed request"): the caller gave up before the answer was ready.
    entry.status = clientGone ? 499 : reply.status;
    if (!clientGone) send(reply);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          error: { message: `fake-openai: ${error.message}`, type: "server_error", param: null, code: null },
        }),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    control,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(scratch, { recursive: true, force: true });
    },
  };
}
