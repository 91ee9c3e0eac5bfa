import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");

/** Settings every Worker test sees, on top of wrangler.toml's [vars]. */
export const WORKER_TEST_BINDINGS = {
  DEPLOY_ENV: "test",
  LOG_LEVEL: "ERROR",
  CORS_ORIGINS: "https://app.example.com",
  ADMIN_API_KEY: "test-admin-key",
  // The Worker only checks that a key is configured; the media service holds the one the fake OpenAI accepts.
  OPENAI_API_KEY: "sk-test-fake-openai",
  // Tests leave hung attempts behind (they die with their object); the scheduler's tests set their own limit.
  JOB_CONCURRENCY: "32",
};

/**
 * Worker test files that assert on state the whole runtime shares: the one job scheduler's slots, the count of
 * every active job, the whole R2 bucket. Each runs in a fresh runtime of its own (project `worker-isolated`); every
 * other Worker test makes its own projects and ids and shares one runtime per run (project `worker`), which saves
 * starting workerd and loading the Worker again for each of ~100 files.
 */
export const ISOLATED_WORKER_TESTS = [
  "test/worker/jobs/scheduler.test.ts",
  "test/worker/jobs/fair-handover.test.ts",
  "test/worker/jobs/backpressure.test.ts",
  "test/worker/ingest/retries.test.ts",
  "test/worker/storage/stats.test.ts",
];

/** A project of Worker tests. The global setup starts the media services once for both (see global-setup.ts). */
function workerProject(test: { name: string; include: string[]; exclude?: string[]; isolate: boolean }) {
  return {
    plugins: [
      // MEDIA_SERVICE_URL points at the media service test/worker/global-setup.ts started for this run.
      cloudflareTest(async ({ inject }) => ({
        // The real Worker, with job types the tests can script (test/worker/test-main.ts).
        main: path.join(root, "test/worker/test-main.ts"),
        wrangler: { configPath: path.join(root, "wrangler.toml") },
        miniflare: {
          bindings: {
            ...WORKER_TEST_BINDINGS,
            MEDIA_SERVICE_URL: inject("mediaServiceUrl"),
            MEDIA_SERVICE_SECRET: inject("mediaServiceSecret"),
            TEST_MIGRATIONS: await readD1Migrations(path.join(root, "migrations")),
          },
        },
      })),
    ],
    test: {
      ...test,
      root,
      setupFiles: ["test/worker/apply-migrations.ts"],
      globalSetup: ["test/worker/global-setup.ts"],
    },
  } satisfies TestProjectInlineConfiguration;
}

/**
 * In the shared Worker runtime a file's background work (a job the queue runs, an object's alarm) can still call a
 * Durable Object after the file has ended. The pool routes every such call through its module runner, whose RPC to
 * vitest closed with the file, so vitest reports the rejected call as an unhandled EnvironmentTeardownError, "Closing
 * rpc while … was pending", and fails the run although every test passed. That error, and only it, is not counted:
 * it says nothing about any test (they have all finished by then); every other unhandled error still fails the run.
 */
export function countsAsUnhandled(error: { name?: string; message?: string }): boolean {
  return !(
    error.name === "EnvironmentTeardownError" && error.message?.startsWith("[vitest-worker]: Closing rpc while")
  );
}

export default defineConfig({
  root,
  test: {
    onUnhandledError: (error) => countsAsUnhandled(error),
    projects: [
      // One runtime for the run: storage, Durable Objects and their alarms outlive each file.
      workerProject({
        name: "worker",
        include: ["test/worker/**/*.test.ts"],
        exclude: ISOLATED_WORKER_TESTS,
        isolate: false,
      }),
      workerProject({ name: "worker-isolated", include: ISOLATED_WORKER_TESTS, isolate: true }),
      {
        test: {
          name: "node",
          root,
          include: ["test/node/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
        },
      },
      {
        // Drives the local stack (wrangler dev + media service) over real HTTP; one file at a time.
        test: {
          name: "e2e",
          root,
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: ["test/e2e/global-setup.ts"],
          environment: "node",
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "container",
          root,
          include: ["test/container/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
        },
      },
    ],
  },
});
