import type { Watermark } from "./spec";
import { num } from "./video-chain";

/** Distance of the watermark from the frame edges, as a fraction of the frame width. */
const MARGIN_FRACTION = 0.03;

/**
 * Scales the watermark image relative to the frame width, applies its opacity and places it in a corner.
 * The image is a single frame; overlay repeats it for the whole video (eof_action=repeat).
 */
export function watermarkChains(
  watermark: Watermark,
  inputIndex: number,
  frameWidth: number,
  base: string,
  output: string,
): string[] {
  const width = Math.max(2, Math.round((frameWidth * watermark.scale) / 2) * 2);
  const margin = Math.round(frameWidth * MARGIN_FRACTION);
  const x = watermark.position.endsWith("left") ? `${margin}` : `main_w-overlay_w-${margin}`;
  const y = watermark.position.startsWith("top") ? `${margin}` : `main_h-overlay_h-${margin}`;
  const mark = [`scale=${width}:-2`, "format=rgba"];
  if (watermark.opacity < 1) mark.push(`colorchannelmixer=aa=${num(watermark.opacity)}`);
  return [
    `[${inputIndex}:v]${mark.join(",")}[watermark]`,
    `[${base}][watermark]overlay=x=${x}:y=${y}:eof_action=repeat:format=auto,format=yuv420p[${output}]`,
  ];
}
