/**
 * Runtime configuration read from the environment (see README, Configuration).
 */

/** Demo mode: demo data and demo accounts are loaded and listed on the sign-in page. */
export function isDemoMode(): boolean {
  return process.env.TR_DEMO === "1" || process.env.TR_DEMO === "true";
}
