/**
 * The privacy notice against the demo registry (issue 13, acceptance): the shipped manufacturer notice
 * (server/domain/notice/fixtures/manufacturer-notice.txt) checked against db/examples/demo-registry.json, and
 * the CCPA table of the demo registry compared with a table written here by hand from the demo parties' CCPA
 * roles and flags and their transfers' data categories.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { DEMO_REGISTRY_PATH } from "@/server/demo/demo";
import { createTestDb } from "@/db/testing";
import { auditLog } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import type { CcpaTable, Finding } from "@/server/domain/notice";
import { applyRegistryImport } from "./registry-import";
import { checkNotice, checkNoticeAgainstRegistry, generateNotice, getNoticeRecord, listNoticeRecords, noticeFacts, saveGeneratedNotice, saveNoticeCheck } from "./notice";
import { ccpaSection } from "@/server/domain/notice";
import { eq } from "drizzle-orm";
import PDFDocument from "pdfkit";

const AS_OF = "2026-11-30";
const FIXTURE = fs.readFileSync(path.join(process.cwd(), "server/domain/notice/fixtures/manufacturer-notice.txt"), "utf8");
const actor: Actor = { kind: "system", email: "dpo-test@example.test" };

let db: Db;
beforeAll(() => {
  db = createTestDb();
  applyRegistryImport(db, actor, { text: fs.readFileSync(DEMO_REGISTRY_PATH, "utf8"), fileName: "demo-registry.json" });
});

const find = (findings: Finding[], kind: Finding["kind"], subject?: string) => findings.filter((f) => f.kind === kind && (subject === undefined || f.subject === subject));

describe("the shipped manufacturer notice against the demo registry", () => {
  let findings: Finding[];
  beforeAll(() => {
    findings = checkNoticeAgainstRegistry(db, FIXTURE, AS_OF).findings;
  });

  it("accepts its Privacy Shield sentence as historical, and flags no Privacy Shield reliance as an error", () => {
    const accepted = find(findings, "historical_accepted", "EU-U.S. and Swiss-U.S. Privacy Shield");
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.severity).toBe("ok");
    expect(accepted[0]!.quote).toBe("as of july 16, 2020, we no longer rely on the privacy shield to transfer personal data to the u.s.");
    const psErrors = findings.filter((f) => f.subject === "EU-U.S. and Swiss-U.S. Privacy Shield" && f.severity === "error");
    expect(psErrors).toEqual([]);
    // The "are certified under … privacy shield frameworks" sentence is one sentence (the abbreviations "inc." and
    // "swiss-u.s." do not end it): a certification statement without a transfer relying on it, a warning.
    const certified = findings.find((f) => f.quote?.startsWith("3d systems corporation, 3d systems inc., geomagic, inc., and medical modeling, inc. are certified under the eu-u.s. and swiss-u.s. privacy shield frameworks"));
    expect(certified?.kind).toBe("mechanism_not_in_use");
    expect(certified?.severity).toBe("warning");
  });

  it("matches its transfer section's mechanism, the EU SCCs, with the transfers that rely on them", () => {
    const scc = find(findings, "mechanism_matches", "EU standard contractual clauses");
    expect(scc).toHaveLength(1);
    expect(scc[0]!.quote).toContain("including by entering into the european commission's eu standard contractual clauses with the data recipients");
    // Demo registry: 12 EU transfers to the US and 1 to Australia rest on 2021/914 SCCs (scc-group-2021 ×5,
    // scc-stratacloud ×5, scc-helpharbor-eu ×5 — the group parents also on the BCR — scc-quanta, scc-metricwell-2021,
    // scc-cadence, scc-sydney). The link names the transfers to Australia.
    expect(scc[0]!.links.map((l) => l.href)).toContain("/transfers?destination=AU");
    expect(find(findings, "safeguard_copy_present")).toHaveLength(1);
  });

  it("reports the mechanisms the registry uses and the notice does not name", () => {
    const undisclosed = find(findings, "mechanism_undisclosed").map((f) => [f.subject, f.severity]);
    expect(undisclosed).toEqual(
      expect.arrayContaining([
        ["UK International Data Transfer Agreement", "warning"], // idta-group-uk, idta-ticketnest, idta-bengaluru
        ["Binding corporate rules", "warning"], // bcr-kestrelform
        ["EU-U.S. Data Privacy Framework (and its UK Extension and Swiss-U.S. framework)", "warning"], // brightloop, paylinear…
        ["Derogations for specific situations (GDPR Art. 49, FADP Art. 17)", "warning"], // der-tradeshow-consent, der-legal-claims
        ["EU standard contractual clauses with the Swiss adaptations", "info"], // scc-group-ch, scc-osaka-ch
      ]),
    );
  });

  it("matches or reports each category of recipient it names", () => {
    // The notice's "information we share" section names: affiliates and subsidiaries; marketing service providers,
    // analytics providers, IT hosting providers and payment service providers; resellers, accountants, attorneys
    // and consultants; and third-party ad services. The demo registry has live recipients in each.
    const matched = find(findings, "recipient_matches").map((f) => f.subject);
    expect(matched).toEqual(
      expect.arrayContaining([
        "Our affiliates and subsidiaries",
        "Marketing service providers",
        "Analytics providers",
        "IT hosting providers",
        "Payment service providers",
        "Resellers",
        "Accountants",
        "Attorneys",
        "Consultants",
        "Advertising partners",
      ]),
    );
    // Its CCPA section names recipients the registry does not keep as parties: reported, not matched.
    expect(find(findings, "recipient_unregistered").map((f) => f.subject)).toEqual(
      expect.arrayContaining(["Internet service providers", "Operating systems and platforms", "Social networks", "Government entities and authorities"]),
    );
    // Registry categories the notice covers only as "service providers": customer support (helpharbor, ticketnest,
    // dublin-helpdesk) and other services (securisign, ledgerline, eventpeak).
    expect(find(findings, "recipient_generic_only").map((f) => f.subject).sort()).toEqual(["Customer support providers", "Other service providers"]);
    expect(find(findings, "recipient_undisclosed")).toEqual([]);
    // The categories of *sources* in its CCPA section ("data brokers") are not taken for recipients.
    expect(findings.some((f) => f.subject === "Data brokers")).toBe(false);
  });

  it("compares its CCPA 'sold' list with the registry and reports the 'shared' categories it lacks", () => {
    // The notice lists identifiers, online activity and inferences as sold. The registry: adlattice (sale + share)
    // receives online identifiers and social media data (identifiers, internet activity); pixelharbor (share only)
    // online identifiers.
    const sold = find(findings, "ccpa_matches", "Categories sold");
    expect(sold).toHaveLength(1);
    expect(sold[0]!.message).toContain("Identifiers; Internet or other electronic network activity information");
    expect(find(findings, "ccpa_not_in_registry").map((f) => f.subject)).toEqual(["Inferences"]);
    const shared = find(findings, "ccpa_undisclosed").map((f) => [f.subject, f.severity]);
    expect(shared).toEqual([
      ["Identifiers", "error"],
      ["Internet or other electronic network activity information", "error"],
    ]);
  });

  it("reports the destination countries the notice does not mention", () => {
    // Restricted destinations in the demo registry: US, GB, DE (from CH), AU, CA, JP, KR, IN. The notice names the
    // U.S., the United Kingdom and Germany; not the others.
    expect(find(findings, "country_unmentioned").map((f) => f.subject)).toEqual(["Australia", "Canada", "India", "Japan", "South Korea"]);
  });
});

describe("a notice that still claims Privacy Shield reliance", () => {
  it("is an error with its quote", () => {
    const text = "Data transfers\nWe rely on the EU-U.S. Privacy Shield to transfer personal data to the United States. We also use standard contractual clauses.";
    const { findings } = checkNoticeAgainstRegistry(db, text, AS_OF);
    const ps = find(findings, "mechanism_not_in_use", "EU-U.S. and Swiss-U.S. Privacy Shield");
    expect(ps).toHaveLength(1);
    expect(ps[0]!.severity).toBe("error");
    expect(ps[0]!.quote).toBe("We rely on the EU-U.S. Privacy Shield to transfer personal data to the United States.");
    expect(ps[0]!.message).toContain("2020-07-16");
  });

  it("was accurate while the Privacy Shield was valid (the registry as of 2019: quanta-pathway and quietpost were certified)", () => {
    const { findings } = checkNoticeAgainstRegistry(db, "We rely on the Privacy Shield for transfers to the U.S.", "2019-06-01");
    expect(find(findings, "mechanism_matches", "EU-U.S. and Swiss-U.S. Privacy Shield")).toHaveLength(1);
  });

  it("a historical statement the registry contradicts is an error (as of 2019 two transfers relied on it: de-quanta-analytics, de-quietpost-survey)", () => {
    const { findings } = checkNoticeAgainstRegistry(db, "We no longer rely on the Privacy Shield.", "2019-06-01");
    const contradicted = find(findings, "historical_contradicted", "EU-U.S. and Swiss-U.S. Privacy Shield");
    expect(contradicted.map((f) => [f.severity, f.quote])).toEqual([["error", "We no longer rely on the Privacy Shield."]]);
    expect(contradicted[0]!.links.map((l) => l.href)).toContain("/transfers/de-quanta-analytics");
  });

  it("quotes at most 600 characters of a sentence", () => {
    const text = `We rely on the Privacy Shield ${"and more ".repeat(200)}`;
    const quote = find(checkNoticeAgainstRegistry(db, text, AS_OF).findings, "mechanism_not_in_use")[0]!.quote!;
    expect(quote.length).toBe(600);
    expect(quote.endsWith("…")).toBe(true);
  });
});

describe("the CCPA tables of the demo registry", () => {
  it("equal the table written from the demo parties' CCPA roles and flags", () => {
    // Written by hand from db/examples/demo-registry.json, transfers live between 2025-11-30 and 2026-11-30 (all but
    // de-quietpost-survey, ended 2020). Data categories → CCPA: contact → A, B; organisation_billing → B, D, I;
    // online_identifiers and social_media → A, F; user_generated_content → D; health_via_hcp → B, L.
    // Sold: adlattice (ccpaSale). Shared: adlattice and pixelharbor (ccpaShare). Every other recipient (service
    // providers, contractors, affiliates, third parties without a flag) is a disclosure for a business purpose.
    // affiliates: kf-us (contact, organisation_billing, user_generated_content), kf-in (ugc, health), kf-de (contact)
    // marketing: brightloop, cadence-mail (contact, online ids, social) · analytics: quanta-pathway, metricwell
    // (online ids, ugc) · IT hosting: stratacloud, ironvault, formwise, bengaluru-cad, tokyo-printcloud (contact,
    // billing, ugc, health) · payment: paylinear, trustmark-fraud (contact, billing, online ids) · customer support:
    // helpharbor, ticketnest, dublin-helpdesk (contact, ugc) · other: securisign, ledgerline, eventpeak (contact,
    // billing) · resellers (contact, billing; sydney-dental also health) · advertising: clickmere (online ids, social)
    // · advisers (contact, billing).
    const expected: CcpaTable = {
      A: {
        disclosed: [
          "affiliate",
          "service_provider:marketing",
          "service_provider:analytics",
          "service_provider:it_hosting",
          "service_provider:payment",
          "service_provider:customer_support",
          "service_provider:other",
          "reseller",
          "advertising_partner",
          "professional_adviser",
        ],
        sold: ["advertising_partner"],
        shared: ["advertising_partner"],
      },
      B: {
        disclosed: ["affiliate", "service_provider:marketing", "service_provider:it_hosting", "service_provider:payment", "service_provider:customer_support", "service_provider:other", "reseller", "professional_adviser"],
        sold: [],
        shared: [],
      },
      D: {
        disclosed: ["affiliate", "service_provider:analytics", "service_provider:it_hosting", "service_provider:payment", "service_provider:customer_support", "service_provider:other", "reseller", "professional_adviser"],
        sold: [],
        shared: [],
      },
      F: { disclosed: ["service_provider:marketing", "service_provider:analytics", "service_provider:payment", "advertising_partner"], sold: ["advertising_partner"], shared: ["advertising_partner"] },
      I: { disclosed: ["affiliate", "service_provider:it_hosting", "service_provider:payment", "service_provider:other", "reseller", "professional_adviser"], sold: [], shared: [] },
      L: { disclosed: ["affiliate", "service_provider:it_hosting", "reseller"], sold: [], shared: [] },
    };
    const facts = noticeFacts(db, AS_OF);
    expect(facts.ccpaFrom).toBe("2025-11-30");
    expect(ccpaSection(facts).table).toEqual(expected);
  });

  it("renders the table in Markdown and HTML", () => {
    const ccpa = generateNotice(db, AS_OF).sections.find((s) => s.key === "ccpa")!;
    expect(ccpa.markdown).toContain("| Identifiers | Our affiliates and subsidiaries; Marketing service providers;");
    expect(ccpa.markdown).toContain("| Advertising partners | Advertising partners |");
    expect(ccpa.html).toContain("<table>");
    expect(ccpa.html).toContain("<th>Sold to</th>");
  });

  it("before adlattice's trade-show transfer (2026-11-20) the registry sold nothing in the last 12 months", () => {
    const table = ccpaSection(noticeFacts(db, "2026-11-19")).table;
    expect(table.A?.sold).toEqual([]);
    expect(table.A?.shared).toEqual(["advertising_partner"]); // pixelharbor, since 2023-10-01
  });
});

describe("the generated transfers and recipients sections", () => {
  it("group the destinations by mechanism, with the decision, the SCC version and the framework", () => {
    const sections = generateNotice(db, AS_OF).sections;
    const transfers = sections.find((s) => s.key === "transfers")!.markdown;
    expect(transfers).toContain("- Transfers from the European Economic Area to Japan (Commission Implementing Decision (EU) 2019/419).");
    expect(transfers).toContain("- Transfers from the European Economic Area to Australia and the United States (Commission Implementing Decision (EU) 2021/914, modular).");
    expect(transfers).toContain("### UK International Data Transfer Agreement\n\n- Transfers from the United Kingdom to India and the United States.");
    expect(transfers).toContain("- Transfers from Switzerland to Japan and the United States (Commission Implementing Decision (EU) 2021/914, modular).");
    expect(transfers).toContain("- Transfers from the United Kingdom to the United States (UK Extension to the EU-U.S. DPF).");
    expect(transfers).toContain("(Art. 49(1)(a): explicit consent)");
    expect(transfers).toContain("### How to obtain a copy of the safeguards");
    // The DPF transfers are listed under the framework, not again under its adequacy decision (2023/1795).
    expect(transfers).not.toContain("2023/1795");
    const recipients = sections.find((s) => s.key === "recipients")!.markdown;
    expect(recipients).toContain("marketing, analytics, IT hosting, payment processing, customer support and other business services");
    expect(recipients).toContain("**Professional advisers**: accountants and auditors, attorneys and consultants.");
  });
});

describe("history", () => {
  it("stores a generated notice and a check with their date, versions, hash, author and an audit row", async () => {
    const generated = saveGeneratedNotice(db, actor, { asOf: AS_OF });
    expect(generated).toMatchObject({ kind: "generated", asOf: AS_OF, createdBy: actor.email });
    expect(generated.sha256).toMatch(/^[0-9a-f]{64}$/);
    const check = await saveNoticeCheck(db, actor, { asOf: AS_OF, source: { kind: "text", text: FIXTURE }, sourceName: "manufacturer-notice.txt" });
    expect(check.summary).toMatch(/^2 errors, \d+ warnings, \d+ notes, \d+ matches$/);
    const list = listNoticeRecords(db, { page: 1, pageSize: 20 });
    expect(list.rows.map((r) => r.id)).toEqual(expect.arrayContaining([generated.id, check.id]));
    const stored = getNoticeRecord(db, check.id);
    expect((JSON.parse(stored.content) as { text: string }).text).toBe(FIXTURE);
    const audits = db.select().from(auditLog).where(eq(auditLog.entityType, "notice")).all();
    expect(audits.map((a) => [a.action, a.entityId])).toEqual(expect.arrayContaining([["notice.save_generated", generated.id], ["notice.save_check", check.id]]));
  });

  it("refuses an empty notice and a file that is not a PDF, storing nothing", async () => {
    const before = listNoticeRecords(db, { page: 1, pageSize: 100 }).total;
    await expect(saveNoticeCheck(db, actor, { source: { kind: "text", text: "   \n " } })).rejects.toThrow("The notice has no text to check.");
    await expect(checkNotice(db, { source: { kind: "pdf", base64: Buffer.from("hello").toString("base64") } })).rejects.toThrow("This file is not a PDF.");
    expect(listNoticeRecords(db, { page: 1, pageSize: 100 }).total).toBe(before);
  });

  it("reads HTML through html-to-text", async () => {
    const html = "<h2>Data transfers</h2><p>We rely on the <b>Privacy Shield</b>.</p>";
    const { findings } = await checkNotice(db, { asOf: AS_OF, source: { kind: "html", html } });
    expect(find(findings, "mechanism_not_in_use", "EU-U.S. and Swiss-U.S. Privacy Shield")[0]?.quote).toBe("We rely on the Privacy Shield.");
  });

  it("reads the text of a PDF", async () => {
    const pdf = await new Promise<Buffer>((resolve) => {
      const doc = new PDFDocument();
      const chunks: Buffer[] = [];
      doc.on("data", (c: Buffer) => chunks.push(c));
      doc.on("end", () => resolve(Buffer.concat(chunks)));
      doc.text("Data transfers");
      doc.text("We rely on the Privacy Shield for transfers to the United States.");
      doc.end();
    });
    const { findings } = await checkNotice(db, { asOf: AS_OF, source: { kind: "pdf", base64: pdf.toString("base64") } });
    const ps = find(findings, "mechanism_not_in_use", "EU-U.S. and Swiss-U.S. Privacy Shield");
    expect(ps[0]?.severity).toBe("error");
    expect(ps[0]?.quote).toBe("We rely on the Privacy Shield for transfers to the United States.");
  });
});
