import type { Db } from "@/db/client";

/**
 * For the role-matrix test: a function that prepares whatever rows a procedure
 * needs in a fresh test database and returns a valid input for it, so that an
 * allowed call can succeed. One file per router, merged in ./index.ts.
 */
export type SampleInputs = Record<string, (db: Db) => unknown>;
