/**
 * The copy of the safeguards: SCC 2021/914 Clause 8.3 (Modules 2, 3) and 8.2(c) (Module 1) allow redacting parts of
 * the Appendix (e.g. the Annex II measures) but require a meaningful summary and the reasons; GDPR Art. 15(1)(c)
 * allows naming "categories of recipient" instead of recipients.
 */
import { describe, expect, it } from "vitest";
import { buildCopyBlocks, defaultRedactionReason, renderCopyHtml, type CopyInput } from "./copy";

const SECRET = "HSM cluster in Frankfurt, AES-256 keys rotated every 30 days by vendor KeyVaultPro";

function input(overrides: Partial<CopyInput> = {}): CopyInput {
  return {
    requestId: "req-1",
    requesterName: "Robin Requester",
    received: "2026-03-02",
    question: "Which safeguards protect my data?",
    withholdNames: false,
    asOf: "2026-03-15",
    knowledgeBase: { version: "2026.11", checkedUpTo: "2026-11-01" },
    transfers: [
      {
        id: "t1",
        exporterName: "Norvale GmbH",
        recipientName: "Stratus Hosting Inc.",
        recipientCategory: "Service provider (IT hosting)",
        destination: "United States",
        regime: "EU/EEA GDPR",
        status: "Safeguarded",
        dataCategories: ["Contact details"],
        dataSubjects: ["Customers"],
        purposes: ["Data storage"],
        mechanisms: [
          { label: "Standard contractual clauses", type: "scc", citation: "Commission Implementing Decision (EU) 2021/914; GDPR Art. 46(2)(c)", uri: "http://data.europa.eu/eli/dec_impl/2021/914/oj", safeguardId: "scc-1" },
        ],
      },
    ],
    safeguards: [
      {
        id: "scc-1",
        type: "scc",
        typeLabel: "Standard contractual clauses",
        title: "SCCs Norvale – Stratus (2022)",
        sccVersion: "2021/914",
        sccVersionLabel: "Implementing Decision (EU) 2021/914, modular",
        modules: [2],
        ukAddendum: false,
        ukAddendumVersion: null,
        swissAdaptations: false,
        idtaVersion: null,
        bcrVariant: null,
        approvingAuthority: null,
        reference: null,
        derogationLabel: null,
        signed: "2022-01-10",
        approved: null,
        parts: [
          { label: "Annex II: technical and organisational security measures", content: SECRET, redacted: true, summary: "Encryption of data at rest and in transit with managed keys.", reason: null },
          { label: "Annex III: sub-processors", content: "None", redacted: false, summary: null, reason: null },
        ],
      },
    ],
    ...overrides,
  };
}

const allText = (blocks: ReturnType<typeof buildCopyBlocks>) => JSON.stringify(blocks);

describe("buildCopyBlocks", () => {
  it("names the mechanism, the SCC module, the official text and the as-of date", () => {
    const text = allText(buildCopyBlocks(input()));
    expect(text).toContain("Standard contractual clauses");
    expect(text).toContain("Module 2 (controller to processor)");
    expect(text).toContain("http://data.europa.eu/eli/dec_impl/2021/914/oj");
    expect(text).toContain("2026-03-15");
    expect(text).toContain("United States");
  });

  it("shows a redacted Annex II only as its summary and the clause 8.3 reason, never its text", () => {
    const blocks = buildCopyBlocks(input());
    const text = allText(blocks);
    expect(text).toContain("Encryption of data at rest and in transit with managed keys.");
    expect(text).toContain("Clause 8.3");
    expect(text).not.toContain("HSM cluster");
    expect(text).not.toContain("KeyVaultPro");
    expect(blocks.find((b) => b.kind === "redaction")).toMatchObject({ label: "Annex II: technical and organisational security measures" });
    // an unredacted part is shown as applied
    expect(blocks).toContainEqual({ kind: "part", label: "Annex III: sub-processors", text: "None" });
  });

  it("names recipients by category when names are withheld", () => {
    const text = allText(buildCopyBlocks(input({ withholdNames: true })));
    expect(text).toContain("Service provider (IT hosting)");
    expect(text).not.toContain("Stratus Hosting");
    expect(text).not.toContain("SCCs Norvale – Stratus");
  });

  it("says so when no transfer concerns the request", () => {
    expect(allText(buildCopyBlocks(input({ transfers: [], safeguards: [] })))).toContain("No transfer outside the area");
  });
});

describe("defaultRedactionReason", () => {
  it("Module 1: Clause 8.2(c); Modules 2 and 3: Clause 8.3", () => {
    expect(defaultRedactionReason({ type: "scc", sccVersion: "2021/914", modules: [1] })).toContain("Module 1, Clause 8.2(c)");
    expect(defaultRedactionReason({ type: "scc", sccVersion: "2021/914", modules: [3] })).toContain("Clause 8.3");
    expect(defaultRedactionReason({ type: "bcr", sccVersion: null, modules: [] })).toMatch(/business secrets/i);
  });
});

describe("renderCopyHtml", () => {
  it("escapes what users typed and links only http(s) addresses", () => {
    const html = renderCopyHtml(
      buildCopyBlocks(input({ requesterName: "<script>alert(1)</script>", transfers: [{ ...input().transfers[0]!, mechanisms: [{ label: "Adequacy decision", type: "adequacy", citation: "x", uri: "javascript:alert(1)", safeguardId: null }] }] })),
    );
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toContain('href="javascript:');
    expect(html).not.toContain("HSM cluster");
  });
});
