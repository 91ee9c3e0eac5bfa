import { z } from "@hono/zod-openapi";
import type { ApiKey } from "../../db/schema";
import { ProjectIdSchema } from "../project-params";

export const ApiKeyParamsSchema = z.object({
  project_id: ProjectIdSchema,
  key_id: z
    .string()
    .min(1)
    .max(64)
    .openapi({
      param: { name: "key_id", in: "path" },
      description: "Id of the API key (not the key itself)",
      example: "key_6f1c0c7e2b7a4b0f9d1e5a3c8b2d4e6f",
    }),
});

export const CreateApiKeyRequestSchema = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: "Label to tell keys apart; defaults to 'default'", example: "flutter-app" }),
  })
  .openapi("CreateApiKeyRequest");

const keyFields = {
  id: z.string().openapi({ description: "Key id, used to revoke it", example: "key_6f1c0c7e2b7a4b0f9d1e5a3c8b2d4e6f" }),
  name: z.string().openapi({ example: "flutter-app" }),
  prefix: z.string().openapi({ description: "First characters of the key, safe to display", example: "emk_Q2hhbmdl" }),
  created_at: z.iso.datetime().openapi({ example: "2026-11-24T03:00:00.000Z" }),
};

export const ApiKeySchema = z
  .object({
    ...keyFields,
    project_id: z.string().openapi({ example: "lesson-app" }),
    last_used_at: z.iso
      .datetime()
      .nullable()
      .openapi({ description: "Last use, recorded at most every 5 minutes", example: "2026-11-24T03:10:00.000Z" }),
  })
  .openapi("ApiKey");
export type ApiKeyResponse = z.infer<typeof ApiKeySchema>;

export const CreatedApiKeySchema = z
  .object({
    ...keyFields,
    key: z.string().openapi({
      description: "The full key. Shown only in this response; only its hash is stored",
      example: "emk_Q2hhbmdlTWVJbkFSZWFsRGVwbG95bWVudE5vdEFLZXk",
    }),
  })
  .openapi("CreatedApiKey");
export type CreatedApiKeyResponse = z.infer<typeof CreatedApiKeySchema>;

export const ApiKeyListSchema = z.object({ api_keys: z.array(ApiKeySchema) }).openapi("ApiKeyList");
export type ApiKeyListResponse = z.infer<typeof ApiKeyListSchema>;

export function toApiKeyResponse(key: ApiKey): ApiKeyResponse {
  return ApiKeySchema.parse({
    id: key.id,
    project_id: key.projectId,
    name: key.name,
    prefix: key.prefix,
    created_at: key.createdAt,
    last_used_at: key.lastUsedAt,
  });
}
