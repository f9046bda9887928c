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
