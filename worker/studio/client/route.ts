/**
 * Where Studio is, read from the URL's hash (`#/jobs`, `#/videos/<asset id>`, `#/quizzes?video=…`, `#/quizzes/<id>`,
 * `#/quizzes/<id>/preview`), so the Worker serves one HTML page and a reload keeps the page.
 */
export type Route =
  | { page: "library" }
  | { page: "jobs" }
  | { page: "video"; videoId: string }
  | { page: "quizzes"; videoId: string | null }
  | { page: "quiz"; quizId: string }
  | { page: "preview"; quizId: string };

/** The nav's top-level pages (the quiz editor and preview live under Quizzes). */
export const NAV = { library: "Library", jobs: "Jobs", quizzes: "Quizzes" } as const;

export function routeFromHash(hash: string): Route {
  const [path = "", query = ""] = hash.replace(/^#\/?/, "").split("?");
  const [first, id, rest] = path.split("/").map(decodeURIComponent);
  if (first === "jobs") return { page: "jobs" };
  if (first === "videos" && id) return { page: "video", videoId: id };
  if (first === "quizzes" && id)
    return rest === "preview" ? { page: "preview", quizId: id } : { page: "quiz", quizId: id };
  if (first === "quizzes") return { page: "quizzes", videoId: new URLSearchParams(query).get("video") };
  return { page: "library" };
}

export const quizHref = (quizId: string) => `#/quizzes/${encodeURIComponent(quizId)}`;
export const previewHref = (quizId: string) => `${quizHref(quizId)}/preview`;
export const quizzesHref = (videoId?: string) =>
  videoId ? `#/quizzes?video=${encodeURIComponent(videoId)}` : "#/quizzes";
