import { describe, expect, it } from "vitest";
import { bearer, createProjectKey, errorCode } from "../helpers/project-key";
import { api, getQuiz, postQuizJob, projectWithQuiz, projectWithVideo } from "./quiz-kit";

const anonymous = (path: string, init: RequestInit = {}, headers: Record<string, string> = {}) =>
  api(path, {
    ...init,
    headers: { "Content-Type": "application/json", ...init.headers, Authorization: "", ...headers },
  });

const body = (method: string, value: unknown): RequestInit => ({ method, body: JSON.stringify(value) });

/** Every quiz route with a request that would succeed for the project's own key. */
function routes(projectId: string, quizId: string, questionId: string) {
  const quiz = `/projects/${projectId}/quizzes/${quizId}`;
  return [
    { path: `/projects/${projectId}/quizzes`, init: {}, ok: 200 },
    { path: quiz, init: {}, ok: 200 },
    { path: `${quiz}/export?format=gift`, init: {}, ok: 200 },
    { path: `${quiz}/export?format=qti`, init: {}, ok: 200 },
    { path: quiz, init: body("PATCH", { title: "Renamed" }), ok: 200 },
    {
      path: `${quiz}/questions`,
      init: body("POST", { type: "short_answer", stem: "Name the green pigment.", accepted_answers: ["chlorophyll"] }),
      ok: 201,
    },
    { path: `${quiz}/questions/${questionId}`, init: body("PATCH", { explanation: "Edited." }), ok: 200 },
    { path: `${quiz}/questions/${questionId}`, init: { method: "DELETE" }, ok: 204 },
    { path: quiz, init: { method: "DELETE" }, ok: 204 },
  ];
}

async function quizWithKeys() {
  const made = await projectWithQuiz();
  const own = await createProjectKey(made.projectId);
  const foreign = await createProjectKey(`other-${crypto.randomUUID()}`);
  return { ...made, own, foreign, routes: routes(made.projectId, made.quizId, made.quiz.questions[0]!.id) };
}

describe("quiz routes are project-scoped", { timeout: 60_000 }, () => {
  it("answer 401 without a credential or with a wrong one, 403 to another project's key, and change nothing", async () => {
    const { projectId, quizId, quiz, routes, foreign } = await quizWithKeys();
    for (const route of routes) {
      const none = await anonymous(route.path, route.init);
      expect(none.status, route.path).toBe(401);
      expect(none.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
      expect((await anonymous(route.path, route.init, bearer("emk_not-a-key"))).status).toBe(401);
      const other = await anonymous(route.path, route.init, bearer(foreign.key));
      expect(other.status, route.path).toBe(403);
      expect(await errorCode(other)).toBe("FORBIDDEN");
    }
    const after = await getQuiz(projectId, quizId);
    expect(after).toMatchObject({ title: quiz.title, updated_at: quiz.updated_at });
    expect(after.questions).toEqual(quiz.questions);
  });

  it("are open to the project's own key", async () => {
    const { routes, own } = await quizWithKeys();
    for (const route of routes) {
      const res = await anonymous(route.path, route.init, bearer(own.key));
      expect(res.status, `${route.init.method ?? "GET"} ${route.path}`).toBe(route.ok);
    }
  });

  it("a key cannot reach another project's quiz by putting its own project in the path", async () => {
    const victim = await projectWithQuiz();
    const attacker = await projectWithVideo("video.mp4", "attacker");
    const key = await createProjectKey(attacker.projectId);
    for (const route of routes(attacker.projectId, victim.quizId, victim.quiz.questions[0]!.id)) {
      if (route.path === `/projects/${attacker.projectId}/quizzes`) continue;
      expect((await anonymous(route.path, route.init, bearer(key.key))).status, route.path).toBe(404);
    }
    const list = await anonymous(
      `/projects/${attacker.projectId}/quizzes?asset_id=${victim.assetId}`,
      {},
      bearer(key.key),
    );
    expect(await list.json()).toMatchObject({ items: [] });
    // Nor generate a quiz from the other project's video.
    const job = await postQuizJob(attacker.projectId, { asset_id: victim.assetId });
    expect(job.status).toBe(404);
    const unchanged = await getQuiz(victim.projectId, victim.quizId);
    expect(unchanged.questions).toEqual(victim.quiz.questions);
  });

  it("a stream token opens none of them", async () => {
    const { projectId, routes } = await quizWithKeys();
    const minted = await api(`/projects/${projectId}/stream-tokens`, body("POST", {}));
    const { token } = (await minted.json()) as { token: string };
    for (const route of routes) {
      const joiner = route.path.includes("?") ? "&" : "?";
      const query = `${route.path}${joiner}access_token=${encodeURIComponent(token)}`;
      expect((await anonymous(query, route.init)).status, route.path).toBe(401);
      expect((await anonymous(route.path, route.init, bearer(token))).status, route.path).toBe(401);
    }
  });
});
