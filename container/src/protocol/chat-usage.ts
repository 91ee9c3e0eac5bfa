/** Token usage of the chat-model ops (scenes, translate, chapters), requests counted with retries. Runtime-neutral. */
import { z } from "zod";

export const ChatUsageSchema = z.object({
  total_tokens: z.number().int().min(0),
  prompt_tokens: z.number().int().min(0),
  completion_tokens: z.number().int().min(0),
  requests: z.number().int().min(0),
});
export type ChatUsage = z.infer<typeof ChatUsageSchema>;
