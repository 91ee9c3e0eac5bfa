import type { RouteConfig } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { ErrorStatus } from "../errors";

type RouteShape = Pick<RouteConfig, "method" | "path">;

/** The error statuses a middleware can answer on a route; some depend on the route (its method, its path). */
export type ErrorStatusesOf = readonly ErrorStatus[] | ((route: RouteShape) => ErrorStatus[]);

/** What a route middleware tells the OpenAPI document about itself. */
export interface MiddlewareDocs {
  readonly errorStatuses: ErrorStatusesOf;
  /** Path parameters it rejects itself when malformed, so the route's validator never fails on them. */
  readonly checkedParams?: readonly string[];
}

/** A route middleware that says which errors it can answer, so every route using it documents them. */
export type DocumentedMiddleware<M extends MiddlewareHandler = MiddlewareHandler> = M & MiddlewareDocs;

export function documented<M extends MiddlewareHandler>(
  middleware: M,
  errorStatuses: ErrorStatusesOf,
  options: { checkedParams?: readonly string[] } = {},
): DocumentedMiddleware<M> {
  return Object.assign(middleware, { errorStatuses, checkedParams: options.checkedParams });
}

export function middlewareErrorStatuses(middleware: MiddlewareDocs, route: RouteShape): ErrorStatus[] {
  const statuses = middleware.errorStatuses;
  return typeof statuses === "function" ? statuses(route) : [...statuses];
}
