import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

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

export default defineConfig({
  root,
  test: {
    projects: [
      {
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
          name: "worker",
          root,
          include: ["test/worker/**/*.test.ts"],
          setupFiles: ["test/worker/apply-migrations.ts"],
          globalSetup: ["test/worker/global-setup.ts"],
        },
      },
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
