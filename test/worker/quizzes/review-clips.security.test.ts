import { describe, expect, it } from "vitest";
import { bearer, createProjectKey, errorCode } from "../helpers/project-key";
import { ADMIN, api, seedQuiz } from "./review-clips-kit";

const anonymous = (path: string, headers: Record<string, string> = {}) =>
  api(path, { headers: { Authorization: "", ...headers } });

const clipsPath = (projectId: string, quizId: string) => `/projects/${projectId}/quizzes/${quizId}/review-clips`;

describe("GET quizzes/{quiz_id}/review-clips is project-scoped", () => {
  it("answers 401 without a credential or with a wrong one and 403 to another project's key", async () => {
    const { projectId, quizId } = await seedQuiz([{ start: 10, end: 12 }]);
    const foreign = await createProjectKey(`other-${crypto.randomUUID()}`);
    const path = clipsPath(projectId, quizId);
    const none = await anonymous(path);
    expect(none.status).toBe(401);
    expect(none.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    expect((await anonymous(path, bearer("emk_not-a-key"))).status).toBe(401);
    const other = await anonymous(path, bearer(foreign.key));
    expect(other.status).toBe(403);
    expect(await errorCode(other)).toBe("FORBIDDEN");
  });

  it("is open to the project's own key (an empty list before any job)", async () => {
    const { projectId, quizId } = await seedQuiz([{ start: 10, end: 12 }]);
    const own = await createProjectKey(projectId);
    const res = await anonymous(clipsPath(projectId, quizId), bearer(own.key));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ items: [] });
  });

  it("a key cannot list or clip another project's quiz by putting its own project in the path", async () => {
    const victim = await seedQuiz([{ start: 10, end: 12 }]);
    const attacker = await seedQuiz([{ start: 10, end: 12 }]);
    const key = await createProjectKey(attacker.projectId);
    const res = await anonymous(clipsPath(attacker.projectId, victim.quizId), bearer(key.key));
    expect(res.status).toBe(404);
    expect(await errorCode(res)).toBe("NOT_FOUND");
    const job = await api(`/projects/${attacker.projectId}/jobs`, {
      method: "POST",
      headers: { Authorization: "", ...bearer(key.key), "Content-Type": "application/json" },
      body: JSON.stringify({ job_type: "quiz_review_clips", payload: { quiz_id: victim.quizId } }),
    });
    expect(job.status).toBe(404);
    // With the victim's project in the path, the attacker's key is refused outright.
    const crossed = await api(`/projects/${victim.projectId}/jobs`, {
      method: "POST",
      headers: { Authorization: "", ...bearer(key.key), "Content-Type": "application/json" },
      body: JSON.stringify({ job_type: "quiz_review_clips", payload: { quiz_id: victim.quizId } }),
    });
    expect(crossed.status).toBe(403);
  });

  it("a stream token does not open it, as a header or as ?access_token=", async () => {
    const { projectId, quizId } = await seedQuiz([{ start: 10, end: 12 }]);
    const minted = await api(`/projects/${projectId}/stream-tokens`, {
      method: "POST",
      headers: { ...ADMIN, "Content-Type": "application/json" },
      body: "{}",
    });
    expect(minted.ok).toBe(true);
    const { token } = (await minted.json()) as { token: string };
    const path = clipsPath(projectId, quizId);
    expect((await anonymous(`${path}?access_token=${encodeURIComponent(token)}`)).status).toBe(401);
    expect((await anonymous(path, bearer(token))).status).toBe(401);
  });
});
