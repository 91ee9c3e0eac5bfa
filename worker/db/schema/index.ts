export * from "./api-keys";
export * from "./assets";
export * from "./jobs";
export * from "./quiz-questions";
export * from "./quizzes";
export * from "./scene-runs";
export * from "./storage-objects";
export * from "./transcripts";
