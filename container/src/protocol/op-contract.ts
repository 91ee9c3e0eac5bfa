/** The shape of one media operation's contract. Runtime-neutral: the Worker imports it. */
import type { z } from "zod";
import type { CustomEvent } from "./contract";

/**
 * Everything the Worker and the service agree on for POST /v1/<name>: the options in the header line, the
 * input names, the op's own events (by `type`) and `result.data`. The service parses its options with it and
 * its result and events before sending them; the Worker's client types calls with it and parses what arrives.
 */
export interface OpContract<
  Name extends string = string,
  Options extends z.ZodType = z.ZodType,
  Result extends z.ZodType<Record<string, unknown>> = z.ZodType<Record<string, unknown>>,
  Events extends Record<string, z.ZodType<CustomEvent>> = Record<string, z.ZodType<CustomEvent>>,
> {
  name: Name;
  /** The header line minus `inputs`. */
  optionsSchema: Options;
  requiredInputs: readonly string[];
  optionalInputs: readonly string[];
  /** Op-specific events, keyed by their `type`. */
  events: Events;
  resultSchema: Result;
}

export const defineOpContract = <
  const Name extends string,
  Options extends z.ZodType,
  Result extends z.ZodType<Record<string, unknown>>,
  Events extends Record<string, z.ZodType<CustomEvent>> = Record<never, never>,
>(
  contract: OpContract<Name, Options, Result, Events>,
) => contract;
