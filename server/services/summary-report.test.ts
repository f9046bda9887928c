/**
 * The PDF summary for auditors: its text (extracted with pdfjs-dist) names the as-of date, the knowledge
 * base's version and the counts of the data made here; the export is audited.
 */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { insertParty } from "@/server/testing/factories";
import { insertAffiliate, insertTransfer } from "@/server/testing/factories-transfers";
import { createTestDb } from "@/db/testing";
import type { Actor } from "@/server/auth/actor";
import { REFERENCE_DATA_VERSION } from "@/db/reference";
import { createRequest } from "./requests";
import { exportSummaryPdf } from "./summary-report";

const ACTOR: Actor = { kind: "user", id: "u-1", email: "auditor@example.test", name: "Audrey", role: "auditor" };

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = "";
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    text += content.items.map((item) => ("str" in item ? item.str : "")).join(" ") + "\n";
  }
  return text.replace(/\s+/g, " ");
}

describe("the PDF summary for auditors", () => {
  it("counts the live transfers by status and regime, lists the issues, and names the knowledge base and the date", async () => {
    const db = createTestDb();
    const exporter = insertAffiliate(db, "DE");
    const us = insertParty(db, { name: "Cumulus Inc.", country: "US", processingLocations: ["US"] });
    const ch = insertParty(db, { name: "Alpenrechen AG", country: "CH", processingLocations: ["CH"] });
    // Two unsafeguarded DE → US transfers, one adequate DE → CH transfer (EU regime).
    insertTransfer(db, { exporterId: exporter.id, recipientId: us.id, destination: "US" });
    insertTransfer(db, { exporterId: exporter.id, recipientId: us.id, destination: "US", start: "2023-01-01" });
    insertTransfer(db, { exporterId: exporter.id, recipientId: ch.id, destination: "CH" });
    // A request received on 2026-04-01 is due on 2026-05-01 (one month, Art. 12(3)): overdue on 2026-06-01.
    createRequest(
      db,
      ACTOR,
      {
        fields: {
          requesterName: "Robin Requester",
          requesterContact: "robin@example.test",
          received: "2026-04-01",
          channel: "email",
          question: "A copy of the safeguards, please.",
          partyIds: [us.id],
          categoryIds: [],
          purposeIds: [],
          withholdNames: false,
          notes: null,
        },
      },
      "2026-06-01",
    );

    const { fileName, body } = await exportSummaryPdf(db, ACTOR, "2026-06-01");
    expect(fileName).toBe("transfer-register-summary-2026-06-01.pdf");
    expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = await pdfText(body);
    expect(text).toContain("Transfer register: summary for auditors");
    expect(text).toContain("As of 2026-06-01");
    expect(text).toContain(`Knowledge base ${REFERENCE_DATA_VERSION}`);
    expect(text).toContain("Live transfers by status (3 in all)");
    expect(text).toMatch(/Unsafeguarded 2 /);
    expect(text).toMatch(/Adequate 1 /);
    expect(text).toContain("EU/EEA GDPR: 3");
    expect(text).toContain("Top issues to follow up");
    // The two unsafeguarded transfers are open error flags; the request is open and overdue.
    expect(text).toContain("Open flags");
    expect(text).toMatch(/Errors 2 /);
    expect(text).toContain("Requests for a copy of the safeguards");
    expect(text).toMatch(/Open 1 /);
    expect(text).toMatch(/Overdue 1 /);

    const audit = db.$client.prepare("SELECT action, entity_id AS entityId, actor_email AS actor FROM audit_log WHERE action = 'export.summary'").all();
    expect(audit).toEqual([{ action: "export.summary", entityId: fileName, actor: "auditor@example.test" }]);
  }, 60_000);
});
