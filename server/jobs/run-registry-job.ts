/**
 * Runs a registry job (./registry-jobs.ts) in a child process when the build has one (`<dist>/jobs/
 * registry-job.cjs`, made by `npm run build`) and the server runs in production mode, so that a 100,000-transfer import or export does not grow the
 * server's heap (which serve.mjs caps) and does not stop it answering reads meanwhile (SQLite WAL: readers go on
 * while the child writes). Otherwise (`next dev`, Vitest) the job runs in this process.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { getDb } from "@/db/client";
import { replyOf, runRegistryJobHere, valueOf, type RegistryJob, type RegistryJobReply, type RegistryJobValue } from "./registry-jobs";

/** The child's heap limit: a 100,000-transfer import peaks at about 1 GB of heap. */
export const JOB_HEAP_MB = Number(process.env.TR_JOB_HEAP_MB ?? 2048);

export function jobBundlePath(): string {
  return path.resolve(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "jobs", "registry-job.cjs");
}

/** In the production server only: in development and in tests (whose database may be in memory) the job runs here. */
function jobsInChildProcess(): boolean {
  return process.env.NODE_ENV === "production";
}

export async function runRegistryJob<J extends RegistryJob>(job: J): Promise<RegistryJobValue<J>> {
  const bundle = jobBundlePath();
  if (!jobsInChildProcess() || !fs.existsSync(bundle)) return valueOf(replyOf(() => runRegistryJobHere(getDb(), job)));
  const reply = await new Promise<RegistryJobReply>((resolve, reject) => {
    // NODE_PATH: the bundle's one external module (better-sqlite3, a native addon) is the app's, wherever the build is.
    const env = { ...process.env, NODE_PATH: path.join(process.cwd(), "node_modules") };
    // spawn with an IPC channel rather than fork(): Turbopack resolves fork()'s path as a module at build time
    // (vercel/next.js#97952).
    const child = spawn(process.execPath, [`--max-old-space-size=${JOB_HEAP_MB}`, bundle], { env, stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let answered: RegistryJobReply | undefined;
    child.once("message", (message) => {
      answered = message as RegistryJobReply;
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (answered) resolve(answered);
      else reject(new Error(`The registry job's process ended without an answer (${signal ?? `exit ${code}`}).`));
    });
    child.send(job);
  });
  return valueOf(reply);
}
