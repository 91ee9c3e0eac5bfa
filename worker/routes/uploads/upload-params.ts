import type { Context } from "hono";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../errors";
import type { AppendDeps } from "../../uploads/upload-append";
import type { UploadObject } from "../../uploads/upload-object";
import { UPLOAD_ID_PATTERN, uploadStub } from "../../uploads/upload-stub";

/** The upload's Durable Object from the path; an id that cannot exist is a 404 like any unknown upload. */
export function uploadFromPath(c: Context<AppEnv>) {
  const projectId = c.req.param("project_id") ?? "";
  const uploadId = c.req.param("upload_id") ?? "";
  if (!UPLOAD_ID_PATTERN.test(uploadId)) throw new ApiError("NOT_FOUND", "Upload not found");
  return { projectId, uploadId, stub: uploadStub(c.env.UPLOADS, projectId, uploadId) };
}

/** What a request that writes an upload's bytes needs: the object, the bucket, and to outlive a disconnect. */
export function appendDeps(c: Context<AppEnv>, stub: DurableObjectStub<UploadObject>, uploadId: string): AppendDeps {
  return {
    upload: stub,
    bucket: c.env.BUCKET,
    logger: c.get("logger").child({ upload_id: uploadId }),
    waitUntil: (work) => c.executionCtx.waitUntil(work),
  };
}
