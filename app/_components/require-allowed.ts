import { forbidden, redirect } from "next/navigation";
import { getSessionUser } from "@/app/_trpc/server";
import { can, type Action } from "@/server/auth/permissions";

/**
 * For server pages of forms: a role that may not submit the form gets the "Not allowed" page (HTTP 403,
 * `app/forbidden.tsx`) before the form opens, instead of learning it on submit. Server components only.
 */
export async function requireAllowed(action: Action): Promise<void> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  if (!can(user.role, action)) forbidden();
}
