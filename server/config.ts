/**
 * Runtime configuration read from the environment (see README, Configuration).
 */

/** Demo mode: demo data and demo accounts are loaded and listed on the sign-in page. */
export function isDemoMode(): boolean {
  return process.env.TR_DEMO === "1" || process.env.TR_DEMO === "true";
}

/**
 * The data folder: uploaded files and generated copies live in `<data folder>/files`, named by their SHA-256.
 * `TR_DATA_DIR` when set, otherwise the folder of the database file (`DATABASE_PATH`, default `data/registry.db`).
 */
export function dataDir(): string {
  const configured = process.env.TR_DATA_DIR;
  if (configured) return configured;
  const dbFile = process.env.DATABASE_PATH ?? "data/registry.db";
  const slash = Math.max(dbFile.lastIndexOf("/"), dbFile.lastIndexOf("\\"));
  return slash >= 0 ? dbFile.slice(0, slash) || "/" : ".";
}
