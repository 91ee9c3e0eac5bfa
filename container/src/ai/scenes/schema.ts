import { z } from "zod";

/** What the model must answer. Types only: ranges and ordering are repaired in postprocess.ts. */
export const ModelSceneSchema = z.object({
  title: z.string(),
  description: z.string(),
  start: z.number(),
  end: z.number(),
  confidence: z.number(),
  tags: z.array(z.string()),
  priority: z.number(),
});
export const ModelSceneAnswerSchema = z.object({ scenes: z.array(ModelSceneSchema) });
export type ModelScene = z.infer<typeof ModelSceneSchema>;

/**
 * The same shape as a JSON Schema for `response_format: {type:"json_schema", strict:true}`.
 * Strict mode requires every property listed in `required` and `additionalProperties: false` on each object.
 */
export const SCENE_ANSWER_JSON_SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["scenes"],
  properties: {
    scenes: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["title", "description", "start", "end", "confidence", "tags", "priority"],
        properties: {
          title: { type: "string", description: "Short headline of the scene" },
          description: { type: "string", description: "Why this moment is worth a clip" },
          start: { type: "number", description: "Start in seconds from the start of the video" },
          end: { type: "number", description: "End in seconds from the start of the video" },
          confidence: { type: "number", description: "0 to 1" },
          tags: { type: "array", items: { type: "string" } },
          priority: { type: "integer", description: "1 is the most important" },
        },
      },
    },
  },
} as const;

/** A scene as the service returns it; the Worker stores and serves this shape. */
export const SceneSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  start: z.number().min(0),
  end: z.number().min(0),
  duration: z.number().min(0),
  confidence: z.number().min(0).max(1),
  priority: z.number().int().min(1),
  tags: z.array(z.string()),
});
export type Scene = z.infer<typeof SceneSchema>;
