import { readFile } from "node:fs/promises";
import { OpError } from "../operation";
import { MediaErrorCode } from "../protocol/contract";
import type { InputFile } from "../protocol/framed-request";
import { type TranscriptInput, TranscriptInputSchema } from "../protocol/scenes-contract";

/** The `transcript` input of the AI ops that read one (`{"segments": [...]}`), or a 400-style INVALID_OPTIONS. */
export async function readTranscriptInput(file: InputFile): Promise<TranscriptInput["segments"]> {
  let parsed: ReturnType<typeof TranscriptInputSchema.safeParse>;
  try {
    parsed = TranscriptInputSchema.safeParse(JSON.parse(await readFile(file.path, "utf8")));
  } catch {
    throw new OpError(MediaErrorCode.invalidOptions, "The transcript input is not valid JSON", false);
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new OpError(MediaErrorCode.invalidOptions, `transcript.${issue?.path.join(".")}: ${issue?.message}`, false);
  }
  return parsed.data.segments;
}
