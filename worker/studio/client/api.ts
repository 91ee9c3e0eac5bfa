import createClient from "openapi-fetch";
import type { components, paths } from "./api-types";
import type { Session } from "./session";

export type Schemas = components["schemas"];
export type ApiClient = ReturnType<typeof createClient<paths>>;

/** An answer outside 2xx, with the API's own message and request id, so the page can show both. */
export class ApiProblem extends Error {
  override name = "ApiProblem";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null,
  ) {
    super(message);
  }
}

/** The typed client Studio uses for every call: same origin, the session's credential on each request. */
export function apiClient(session: Session): ApiClient {
  const client = createClient<paths>({ baseUrl: location.origin });
  client.use({
    onRequest({ request }) {
      request.headers.set("authorization", `Bearer ${session.key}`);
      return request;
    },
  });
  return client;
}

/** The data of a call, or an ApiProblem built from the error envelope (or from the bare status). */
export async function expectOk<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const envelope = (error as Partial<Schemas["Error"]> | undefined)?.error;
  throw new ApiProblem(
    response.status,
    envelope?.code ?? `HTTP_${response.status}`,
    envelope?.message ?? (response.statusText || `The API answered ${response.status}`),
    envelope?.request_id ?? response.headers.get("x-request-id"),
  );
}
