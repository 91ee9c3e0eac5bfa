import type { z } from "zod";
import type { RequestHeader } from "./protocol/contract";
import { RequestError } from "./protocol/framed-request";
import type { OpContract } from "./protocol/op-contract";

/** The op's inputs and options, checked before any byte of input is read; returns the parsed options. */
export function checkHeader<Options extends z.ZodType>(
  op: Pick<OpContract<string, Options>, "name" | "optionsSchema" | "requiredInputs" | "optionalInputs">,
  header: RequestHeader,
  maxInputBytes: number,
): z.output<Options> {
  const names = header.inputs.map((input) => input.name);
  const missing = op.requiredInputs.filter((name) => !names.includes(name));
  if (missing.length) throw new RequestError("MISSING_INPUT", `Missing input(s): ${missing.join(", ")}`);
  const known = new Set([...op.requiredInputs, ...op.optionalInputs]);
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length) {
    throw new RequestError("INVALID_HEADER", `Unknown input(s) for ${op.name}: ${unknown.join(", ")}`);
  }
  const total = header.inputs.reduce((sum, input) => sum + input.size, 0);
  if (total > maxInputBytes) {
    throw new RequestError("INPUT_TOO_LARGE", `Inputs total ${total} bytes; the limit is ${maxInputBytes}`);
  }
  const { inputs: _inputs, ...rawOptions } = header;
  const options = op.optionsSchema.safeParse(rawOptions);
  if (!options.success) {
    const issue = options.error.issues[0];
    throw new RequestError("INVALID_OPTIONS", `Option ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
  }
  return options.data;
}

/** What the service sends, checked against its contract: a mismatch is the service's bug, an internal error. */
export function parseOwnOutput<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  what: string,
): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`The ${what} breaks its contract at ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
}
