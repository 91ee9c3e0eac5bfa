/** The contract of POST /v1/render, shared by the service and the Worker. Runtime-neutral. */
import { RenderResultDataSchema } from "../render/result";
import { RENDER_INPUT_NAMES, RenderSpecSchema } from "../render/spec";
import { defineOpContract } from "./op-contract";

/**
 * Options are the render spec (render/spec.ts), inputs its named sources, music and watermark. Each output is
 * streamed as a `file` event (then its thumbnail, if asked for); `result.data` lists them all (render/result.ts).
 */
export const renderContract = defineOpContract({
  name: "render",
  optionsSchema: RenderSpecSchema,
  requiredInputs: [],
  optionalInputs: RENDER_INPUT_NAMES,
  events: {},
  resultSchema: RenderResultDataSchema,
});
