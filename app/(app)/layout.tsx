import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AppShell } from "@/app/_components/app-shell";
import { sessionUserFromHeaders } from "@/server/api/context";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await sessionUserFromHeaders(await headers());
  if (!user) redirect("/sign-in");
  return <AppShell user={user}>{children}</AppShell>;
}
