/**
 * Global setup of the `e2e` project: the local D1 migrated once per run. Each stack copies it into its own state
 * (`migratedD1From: inject("migratedD1")`) instead of running the migrations itself; dev-stack.test.ts still
 * starts the stack as `npm run dev` does, migrations included.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateLocalD1 } from "../stack/local-stack";

declare module "vitest" {
  export interface ProvidedContext {
    /** A persist directory whose local D1 has every migration applied. */
    migratedD1: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "e2e-migrated-d1-"));
  try {
    await migrateLocalD1(dir);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  project.provide("migratedD1", dir);
  return () => rm(dir, { recursive: true, force: true });
}
