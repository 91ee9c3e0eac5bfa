import { execFileSync } from "node:child_process";
import path from "node:path";
import { writeLocalWranglerConfig } from "./dev-config";

// `npm run db:migrate:local`: apply migrations/ to the local D1 that `npm run dev` uses.
const root = path.resolve(import.meta.dirname, "../..");
execFileSync(
  path.join(root, "node_modules/.bin/wrangler"),
  ["d1", "migrations", "apply", "DB", "--local", "--config", writeLocalWranglerConfig(), ...process.argv.slice(2)],
  { cwd: root, stdio: "inherit", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
);
