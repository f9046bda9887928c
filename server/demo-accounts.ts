import type { Role } from "@/server/auth/permissions";

/**
 * Demo accounts, created by the demo seed and listed on the sign-in page only
 * in demo mode (TR_DEMO=1). Outside demo mode there is no default password.
 */
export const DEMO_PASSWORD = "kestrelform-demo";

export const DEMO_ACCOUNTS: readonly { email: string; name: string; role: Role }[] = [
  { email: "admin@demo.test", name: "Alex Admin", role: "admin" },
  { email: "procurement@demo.test", name: "Priya Procurement", role: "procurement" },
  { email: "dpo@demo.test", name: "Dana Okafor (DPO)", role: "dpo" },
  { email: "auditor@demo.test", name: "Aude Auditor", role: "auditor" },
];
