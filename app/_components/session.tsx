"use client";

import { createContext, useContext } from "react";
import { can as canRole, type Action, type Role } from "@/server/auth/permissions";

export interface ClientSession {
  id: string;
  email: string;
  name: string;
  role: Role;
}

const SessionContext = createContext<ClientSession | null>(null);

export function SessionProvider({ user, children }: { user: ClientSession; children: React.ReactNode }) {
  return <SessionContext.Provider value={user}>{children}</SessionContext.Provider>;
}

export function useSession(): ClientSession {
  const user = useContext(SessionContext);
  if (!user) throw new Error("useSession outside SessionProvider");
  return user;
}

/** Whether the signed-in user's role may perform an action (same table as the server). */
export function useCan(): (action: Action) => boolean {
  const user = useSession();
  return (action) => canRole(user.role, action);
}

/** Renders its children only for roles allowed `action`; others see why not. */
export function RequirePermission({ action, children, message }: { action: Action; children: React.ReactNode; message: string }) {
  const allowed = useCan()(action);
  if (allowed) return <>{children}</>;
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800">
      <p className="font-semibold">Not allowed</p>
      <p className="mt-1">{message}</p>
    </div>
  );
}
