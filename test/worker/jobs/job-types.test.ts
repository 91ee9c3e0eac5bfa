// Every list of job types comes from worker/jobs/types: the API's enum, the OpenAPI request union and results.
import { describe, expect, it } from "vitest";
import { JOB_TYPE_NAMES, JOB_TYPES } from "../../../worker/jobs/types";
import { JobTypeSchema, resultComponentName } from "../../../worker/routes/jobs/schema";
import { api } from "./job-test-kit";

interface SchemaObject {
  properties?: Record<string, SchemaObject>;
  required?: string[];
  enum?: string[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  description?: string;
}

async function openApiSchemas(): Promise<Record<string, SchemaObject>> {
  const res = await api("/openapi.json");
  expect(res.status).toBe(200);
  return ((await res.json()) as { components: { schemas: Record<string, SchemaObject> } }).components.schemas;
}

describe("job types", () => {
  it("are the API's job_type values, in the order of the module list", () => {
    expect(JOB_TYPE_NAMES).toEqual(JOB_TYPES.map((type) => type.type));
    expect(JobTypeSchema.options).toEqual([...JOB_TYPE_NAMES]);
    expect(new Set(JOB_TYPE_NAMES).size).toBe(JOB_TYPE_NAMES.length);
  });

  it("each have a CreateJobRequest variant with their payload, and their result as a component Job.result names", async () => {
    const schemas = await openApiSchemas();
    const variants = schemas.CreateJobRequest?.oneOf ?? schemas.CreateJobRequest?.anyOf ?? [];
    expect(variants.map((variant) => variant.properties?.job_type?.enum?.[0])).toEqual([...JOB_TYPE_NAMES]);
    for (const [index, type] of JOB_TYPES.entries()) {
      expect(variants[index]?.required).toEqual(expect.arrayContaining(["job_type", "payload"]));
      const component = schemas[resultComponentName(type.type)];
      expect(component, type.type).toBeDefined();
      expect(Object.keys(component?.properties ?? {}).sort(), type.type).toEqual(
        Object.keys(type.resultSchema.shape).sort(),
      );
      expect(schemas.Job?.properties?.result?.description).toContain(resultComponentName(type.type));
    }
    expect(resultComponentName("scene_detection")).toBe("SceneDetectionJobResult");
  });
});
