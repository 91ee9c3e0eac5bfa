// The storage API other modules use (ingest, exports, tus); routes import from here too.
export {
  deleteAssetWithDerived,
  getProjectAsset,
  listProjectAssets,
  type RegisterAssetInput,
  registerAsset,
} from "./assets";
export { StorageError, type StorageErrorKind } from "./errors";
export {
  ASSET_FOLDERS,
  assertProjectId,
  categoryOfKey,
  fileExtension,
  isValidProjectId,
  objectKey,
  PROJECT_ID_PATTERN,
  projectPrefix,
  storedFileName,
} from "./layout";
export { acceptedExtensions, MEDIA_FORMATS, type MediaFormat, SNIFF_BYTES, sniffMediaType } from "./media-types";
export { partSizeFor, UnknownLengthObjectWriter, UPLOAD_PART_SIZE } from "./object-writer";
export { type StorageStats, storageStats, type UsageFigures, wipeProject } from "./project";
export {
  type DeletedObjects,
  deleteTrackedObjects,
  type PutTrackedObjectInput,
  putTrackedObject,
  type StorageDeps,
  trackExistingObject,
} from "./tracked-objects";
export { type UploadCategory, type UploadRequest, uploadAsset } from "./upload";
