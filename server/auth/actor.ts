import type { Role } from "./permissions";

/** Who performs a change: a signed-in user, or the system (seed, CLI tools). */
export type Actor =
  | { kind: "user"; id: string; email: string; name: string; role: Role }
  | { kind: "system"; email: string };

export const SYSTEM_ACTOR: Actor = { kind: "system", email: "system" };
