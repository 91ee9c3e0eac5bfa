import type { UploadObject } from "./upload-object";

/** Upload ids are 32 lowercase hex characters (a UUID without dashes). */
export const UPLOAD_ID_PATTERN = /^[0-9a-f]{32}$/;

export function newUploadId(): string {
  return crypto.randomUUID().replaceAll("-", "");
}

/**
 * The upload's Durable Object. The project id is part of the name, so an upload id presented under
 * another project reaches a different (empty) object: scoping holds even before any check runs.
 */
export function uploadStub(
  namespace: DurableObjectNamespace<UploadObject>,
  projectId: string,
  uploadId: string,
): DurableObjectStub<UploadObject> {
  return namespace.get(namespace.idFromName(`${projectId}/${uploadId}`));
}
