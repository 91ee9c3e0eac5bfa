import { readFile } from "node:fs/promises";
import type { z } from "zod";
import { OpError } from "../operation";
import { MediaErrorCode } from "../protocol/contract";
import type { InputFile } from "../protocol/framed-request";

/**
 * The `transcript` input of the chat-model ops (a JSON file: the header line is capped at 64 KB, an hour of
 * segments is far over it), parsed with the op's schema; a bad file is the caller's mistake (INVALID_OPTIONS).
 */
export async function readTranscriptInput<T>(file: InputFile, schema: z.ZodType<T>): Promise<T> {
  let parsed: z.ZodSafeParseResult<T>;
  try {
    parsed = schema.safeParse(JSON.parse(await readFile(file.path, "utf8")));
  } catch {
    throw new OpError(MediaErrorCode.invalidOptions, "The transcript input is not valid JSON", false);
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new OpError(MediaErrorCode.invalidOptions, `transcript.${issue?.path.join(".")}: ${issue?.message}`, false);
  }
  return parsed.data;
}
