import { redirect } from "next/navigation";
import { AppShell } from "@/app/_components/app-shell";
import { getSessionUser } from "@/app/_trpc/server";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  return <AppShell user={user}>{children}</AppShell>;
}
