import type { Metadata } from "next";
import { requireAllowed } from "@/app/_components/require-allowed";
import { UserAdmin } from "./user-admin";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  await requireAllowed("user.read");
  return <UserAdmin />;
}
