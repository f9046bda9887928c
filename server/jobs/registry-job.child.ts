/**
 * Entry of the child process that runs one registry job (./registry-jobs.ts) and exits. Bundled by
 * server/scripts/build-jobs.mjs into `<dist>/jobs/registry-job.cjs` at `npm run build`; started by
 * ./run-registry-job.ts with the job as its one IPC message and the server's environment (DATABASE_PATH).
 */
import { getDb } from "@/db/client";
import { replyOf, runRegistryJobHere, type RegistryJob } from "./registry-jobs";

process.once("message", (job: RegistryJob) => {
  const reply = replyOf(() => runRegistryJobHere(getDb(), job));
  process.send!(reply, () => process.exit(0));
});
