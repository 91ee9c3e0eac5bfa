import { randomUUID } from "node:crypto";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";

/** A per-request scratch directory. Ops write only inside it; `dispose` removes it whatever happened. */
export class Workspace {
  private constructor(readonly dir: string) {}

  static async create(root: string): Promise<Workspace> {
    const dir = path.join(root, `req-${randomUUID()}`);
    await mkdir(dir, { recursive: true });
    return new Workspace(dir);
  }

  /** Path for a file in the workspace; names come from our own code or validated input names, never from paths. */
  file(name: string): string {
    if (name.includes("/") || name.includes("\\") || name === "." || name === "..") {
      throw new Error(`workspace file names must be plain names, got ${JSON.stringify(name)}`);
    }
    return path.join(this.dir, name);
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true, maxRetries: 3 });
  }
}
