import type { APIRequestContext } from "@playwright/test";
import { trpcCall } from "./api";

export interface MainPage {
  name: string;
  url: string;
}

/**
 * Every main page of the app, with one real record of each kind from the demo data (the first of each
 * list as the API answers it): overview, lists, one record of each, audit, users, registry and a form.
 */
export async function mainPages(request: APIRequestContext): Promise<MainPage[]> {
  const first = async (path: string, input: unknown) => {
    const { data } = await trpcCall(request, path, input, "query");
    const items = Array.isArray(data) ? data : (data as { items: unknown[] }).items;
    const id = (items[0] as { id: string } | undefined)?.id;
    if (!id) throw new Error(`${path} returned no record`);
    return id;
  };
  const transfer = await first("transfer.list", { sort: "status", dir: "desc", page: 1, pageSize: 5, archived: "active" });
  const party = await first("party.list", { sort: "name", dir: "asc", page: 1, pageSize: 5, archived: "active", relationship: "service_provider" });
  const safeguard = await first("safeguard.list", { sort: "title", dir: "asc", page: 1, pageSize: 5, archived: "active" });
  const entry = await first("kb.list", { kind: "adequacy" });
  return [
    { name: "overview", url: "/" },
    { name: "transfers", url: "/transfers" },
    { name: "transfer", url: `/transfers/${transfer}` },
    { name: "parties", url: "/parties" },
    { name: "party", url: `/parties/${party}` },
    { name: "safeguards", url: "/safeguards" },
    { name: "safeguard", url: `/safeguards/${safeguard}` },
    { name: "knowledge-base", url: "/knowledge-base" },
    { name: "kb-entry", url: `/knowledge-base/${encodeURIComponent(entry)}` },
    { name: "audit", url: "/audit" },
    { name: "users", url: "/users" },
    { name: "registry", url: "/registry" },
    { name: "new-transfer", url: "/transfers/new" },
    { name: "notice", url: "/notice" },
    { name: "party-import", url: "/parties/import" },
    { name: "reminders", url: "/reminders" },
  ];
}
