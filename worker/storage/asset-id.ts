import { z } from "zod";

/** An asset id as job payloads and export timelines name it. */
export const AssetIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, "Asset ids contain only letters, digits, '-' and '_'");
