/** Calls a benchmark makes to one project through the Worker of a local stack. */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { makeSpeech, makeVideoWithAudio } from "../media/speech-video";

const ROOT = path.resolve(import.meta.dirname, "../..");

export function projectApi(apiUrl: string, projectId: string, adminKey: string) {
  return {
    /** wrangler dev reloads the Worker when files in the tree change; refused or cut connections are retried. */
    async api(route: string, init: RequestInit = {}): Promise<Response> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await fetch(`${apiUrl}/projects/${projectId}${route}`, {
            ...init,
            headers: { Authorization: `Bearer ${adminKey}`, ...init.headers },
          });
        } catch (error) {
          if (attempt >= 10) throw error;
          await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
        }
      }
    },
  };
}

export async function json<T>(res: Response, expected: number): Promise<T> {
  if (res.status !== expected) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The espeak-ng lesson (made once, kept in .tmp/bench-ai) uploaded as a video; its ingest job still runs. */
export async function uploadSpokenLesson(
  api: (route: string, init?: RequestInit) => Promise<Response>,
  scratch: string,
) {
  const cacheDir = path.join(ROOT, ".tmp", "bench-ai");
  mkdirSync(cacheDir, { recursive: true });
  const video = path.join(cacheDir, "spoken-lesson.mp4");
  if (!existsSync(video)) await makeVideoWithAudio(cacheDir, await makeSpeech(scratch), path.basename(video));
  const form = new FormData();
  form.append("file", new File([readFileSync(video)], "lesson.mp4", { type: "video/mp4" }));
  return json<{ asset_id: string; ingest_job_id: string }>(await api("/videos", { method: "POST", body: form }), 201);
}
