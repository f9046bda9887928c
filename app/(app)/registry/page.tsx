import type { Metadata } from "next";
import { RegistryView } from "./registry-view";

export const metadata: Metadata = { title: "Import / export" };

export default function RegistryPage() {
  return <RegistryView />;
}
