import type { Context } from "hono";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../errors";
import { UPLOAD_ID_PATTERN, uploadStub } from "../../uploads/upload-stub";

/** The upload's Durable Object from the path; an id that cannot exist is a 404 like any unknown upload. */
export function uploadFromPath(c: Context<AppEnv>) {
  const projectId = c.req.param("project_id") ?? "";
  const uploadId = c.req.param("upload_id") ?? "";
  if (!UPLOAD_ID_PATTERN.test(uploadId)) throw new ApiError("NOT_FOUND", "Upload not found");
  return { projectId, uploadId, stub: uploadStub(c.env.UPLOADS, projectId, uploadId) };
}
