export * from "./api-keys";
export * from "./assets";
export * from "./event-outbox";
export * from "./jobs";
export * from "./scene-runs";
export * from "./storage-objects";
export * from "./transcripts";
