import { createRoute, type OpenAPIHono, type RouteConfig } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { type ErrorStatus, errorResponses, headErrorResponses } from "../errors";
import { type DocumentedMiddleware, middlewareErrorStatuses } from "../middleware/documented";

type RouteRequest = NonNullable<RouteConfig["request"]>;

const isZodSchema = (schema: unknown) => typeof schema === "object" && schema !== null && "safeParse" in schema;
const isJson = (mediaType: string) => /^application\/([a-z.+-]*\+)?json/i.test(mediaType);
const isForm = (mediaType: string) => /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(mediaType);

// Path parameters with a schema; a schema without a shape counts as checking something unnamed.
function paramNames(params: RouteRequest["params"]): string[] {
  if (!params) return [];
  return "shape" in params && typeof params.shape === "object" && params.shape ? Object.keys(params.shape) : ["*"];
}

/**
 * What @hono/zod-openapi's validators answer before the handler runs: 422 for any zod part (path parameters a
 * middleware already checked cannot fail), and 415/400 for bodies.
 */
function validatorStatuses(request: RouteRequest | undefined, checkedParams: ReadonlySet<string>): ErrorStatus[] {
  if (!request) return [];
  const statuses: ErrorStatus[] = [];
  const uncheckedParams = paramNames(request.params).filter((name) => !checkedParams.has(name));
  if (uncheckedParams.length > 0 || request.query || request.headers || request.cookies) statuses.push(422);
  for (const [mediaType, media] of Object.entries(request.body?.content ?? {})) {
    if (!(media && "schema" in media && isZodSchema(media.schema))) continue;
    // A declared zod body puts a media-type gate (415) in front of its validator; JSON can also be malformed.
    if (isJson(mediaType)) statuses.push(400, 415, 422);
    else if (isForm(mediaType)) statuses.push(415, 422);
  }
  return statuses;
}

/** The statuses a route can answer besides its own: those of its middleware and of its request validators. */
function inheritedErrorStatuses(route: {
  method: RouteConfig["method"];
  path: string;
  middleware?: DocumentedMiddleware[];
  request?: RouteRequest;
}): ErrorStatus[] {
  const middleware = route.middleware ?? [];
  const checkedParams = new Set(middleware.flatMap((m) => m.checkedParams ?? []));
  return [
    ...middleware.flatMap((m) => middlewareErrorStatuses(m, route)),
    ...validatorStatuses(route.request, checkedParams),
  ];
}

/**
 * createRoute, with the error responses filled in: those of the route's middleware (each declares its own),
 * of its request validators, and `errors`, the statuses the handler itself answers. 500 is always listed.
 */
export function defineRoute<
  P extends string,
  R extends Omit<RouteConfig, "path" | "middleware"> & {
    path: P;
    middleware?: DocumentedMiddleware[];
    errors?: ErrorStatus[];
  },
>(config: R) {
  const { errors = [], ...route } = config;
  const statuses = [...inheritedErrorStatuses(route), ...errors];
  // Typed as the route's own responses: handlers return those, and errors leave by throwing.
  const documented = route.method === "head" ? headErrorResponses(...statuses) : errorResponses(...statuses);
  const responses = { ...route.responses, ...documented } as R["responses"];
  return createRoute({ ...route, responses });
}

/**
 * Documents an operation that another route serves (Hono answers HEAD through the GET route), with the
 * same middleware-derived errors. Only the document sees it; the middleware list is not registered.
 */
export function registerOperationDocs(app: OpenAPIHono<AppEnv>, config: Parameters<typeof defineRoute>[0]) {
  const { middleware: _servedByAnotherRoute, ...operation } = defineRoute(config);
  app.openAPIRegistry.registerPath(operation);
}
