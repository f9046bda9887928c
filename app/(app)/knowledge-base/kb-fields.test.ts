import { describe, expect, it } from "vitest";
import { referenceKnowledgeBase } from "@/db/reference";
import { KB_KINDS, knowledgeBaseEntrySchema, type KbKind } from "@/server/domain/kb";
import { checkDraft, draftToEntry, fieldAt, friendlyMessage, KB_FIELDS, newDraft, toDraft, type Draft, type KbField } from "./kb-fields";

/**
 * The keys of every entry type, written out from server/domain/kb/types.ts (KbEntryBase: id, kind, sources,
 * unconfirmed, notes; then each interface). `kind` is the form's own (it cannot change), so it has no field.
 */
const BASE = ["id", "sources", "unconfirmed", "notes"];
const CITATION = ["text", "uri"];
const PROVISIONS = { territorialScope: CITATION, notRestricted: CITATION, unsafeguarded: CITATION, transferAssessment: CITATION };
const PER_REGIME = ["EU", "UK", "CH"];
type Shape = Record<string, null | string[] | Record<string, string[]>>;
const EXPECTED: Record<KbKind, Shape> = {
  regime: {
    regime: null, title: null, law: null, lawUri: null, areaLabel: null, authority: null, currentLawFrom: null, formerLaw: null, formerLawUri: null,
    provisions: PROVISIONS, formerProvisions: PROVISIONS, assessmentRequiredFrom: null,
  },
  area_membership: { regime: null, country: null, countryName: null, membership: null, from: null, to: null, reference: null, referenceUri: null, currentLawFrom: null },
  adequacy: {
    regime: null, destination: null, destinationName: null, scope: null, scopeCode: null, scopeText: null, framework: null, instrument: null,
    instrumentUri: null, legalBasis: null, officialReference: null, formerLegalBasis: null, formerInstrument: null, formerInstrumentUri: null,
    adopted: null, published: null, effectiveFrom: null, endDate: null, endReason: null, status: null,
  },
  framework: { framework: null, regime: null, title: null, from: null, to: null, endReason: null, requires: null, reference: null, referenceUri: null },
  instrument: {
    instrumentType: null, version: null, title: null, instrumentUri: null, officialReference: null, adopted: null,
    modules: ["module", "exporterRole", "recipientRole", "label"],
    windows: ["regime", "usableFrom", "lastSignDate", "validUntil", "requires", "legalBasis", "formerLegalBasis"],
  },
  derogation: { basis: null, title: null, occasionalOnly: null, occasionalExpected: null, references: PER_REGIME, formerReferences: PER_REGIME },
};

const keysOf = (fields: readonly KbField[]) => fields.map((f) => f.key).sort();
const sub = (f: KbField | undefined) => (f && (f.type === "group" || f.type === "object") ? f.fields : []);

describe("knowledge-base field descriptions", () => {
  it.each(KB_KINDS)("describe every key of a %s entry, nested keys included, and nothing else", (kind) => {
    const fields = KB_FIELDS[kind];
    expect(keysOf(fields)).toEqual([...BASE, ...Object.keys(EXPECTED[kind])].sort());
    for (const [key, nested] of Object.entries(EXPECTED[kind])) {
      const f = fields.find((x) => x.key === key);
      if (nested === null) {
        expect(f?.type, key).not.toMatch(/^(group|object)$/);
      } else if (Array.isArray(nested)) {
        expect(keysOf(sub(f)), key).toEqual([...nested].sort());
      } else {
        expect(keysOf(sub(f)), key).toEqual(Object.keys(nested).sort());
        for (const [inner, innerKeys] of Object.entries(nested)) expect(keysOf(sub(sub(f).find((x) => x.key === inner))), `${key}.${inner}`).toEqual([...innerKeys].sort());
      }
    }
  });

  it("labels every field, and every option in words rather than its code", () => {
    const walk = (fields: readonly KbField[]) => {
      for (const f of fields) {
        expect(f.label.trim().length, f.key).toBeGreaterThan(1);
        if (f.type === "select") for (const o of f.options) expect(o.label, `${f.key}=${o.value}`).not.toBe(o.value);
        walk(sub(f));
      }
    };
    for (const kind of KB_KINDS) walk(KB_FIELDS[kind]);
    expect(fieldAt("instrument", "windows.0.lastSignDate")?.label).toBe("Last day to sign a new contract");
    expect(fieldAt("adequacy", "status")).toMatchObject({ type: "select" });
    expect((fieldAt("adequacy", "status") as unknown as { options: { value: string; label: string }[] }).options).toContainEqual({ value: "in_force", label: "In force" });
  });

  it("opening and saving any shipped entry unchanged gives back exactly that entry", () => {
    for (const kind of KB_KINDS) {
      for (const entry of referenceKnowledgeBase[kind]) {
        const draft = toDraft(KB_FIELDS[kind], entry as unknown as Record<string, unknown>);
        expect(draftToEntry(kind, draft, entry), entry.id).toEqual(entry);
        // And each draft, read afresh as a new entry, is one the server's schema accepts.
        expect(knowledgeBaseEntrySchema.safeParse(draftToEntry(kind, draft)).error?.issues ?? [], entry.id).toEqual([]);
        expect(checkDraft(KB_FIELDS[kind], draft, "edit"), entry.id).toEqual({});
      }
    }
  });

  it("a Swiss adequacy entry without dates is edited without a date; adding a new one asks for the first day covered", () => {
    const entry = referenceKnowledgeBase.adequacy.find((e) => e.id === "ch-adequacy-ar")!;
    expect([entry.adopted, entry.published, entry.effectiveFrom]).toEqual([null, null, null]);
    const draft: Draft = { ...toDraft(KB_FIELDS.adequacy, entry as unknown as Record<string, unknown>), notes: "Checked against Annex 1 DPO." };
    expect(checkDraft(KB_FIELDS.adequacy, draft, "edit")).toEqual({});
    const saved = draftToEntry("adequacy", draft, entry);
    expect(saved).toEqual({ ...entry, notes: "Checked against Annex 1 DPO." });
    expect(knowledgeBaseEntrySchema.safeParse(saved).success).toBe(true);

    const fresh = { ...newDraft("adequacy"), destination: "KE", instrument: "Decision (test)", sources: "https://example.test" };
    expect(checkDraft(KB_FIELDS.adequacy, fresh, "create")).toEqual({ effectiveFrom: "Required." });
    const created = draftToEntry("adequacy", { ...fresh, effectiveFrom: "2026-10-01" });
    expect(created).toMatchObject({ id: "eu-adequacy-ke-2026-10-01", destinationName: "Kenya", scopeText: "Full", adopted: null, endDate: null, framework: null });
    expect(knowledgeBaseEntrySchema.safeParse(created).success).toBe(true);
  });

  it("edits an instrument's window and modules through the draft, and names a missing value in a group by its path", () => {
    const scc = referenceKnowledgeBase.instrument.find((e) => e.id === "scc-2010-87")!;
    const draft = toDraft(KB_FIELDS.instrument, scc as unknown as Record<string, unknown>);
    const windows = (draft.windows as Draft[]).map((w, i) => (i === 0 ? { ...w, lastSignDate: "2021-09-30" } : w));
    const saved = draftToEntry("instrument", { ...draft, windows }, scc) as unknown as typeof scc;
    expect(saved.windows[0]!.lastSignDate).toBe("2021-09-30");
    expect(saved.windows.slice(1)).toEqual(scc.windows.slice(1));
    expect(saved.modules).toEqual(scc.modules);

    const withEmptyWindow = { ...draft, windows: [...(draft.windows as Draft[]), toDraft(sub(KB_FIELDS.instrument.find((f) => f.key === "windows")), {})] };
    const n = (draft.windows as Draft[]).length;
    expect(checkDraft(KB_FIELDS.instrument, withEmptyWindow, "edit")).toEqual({ [`windows.${n}.regime`]: "Choose one.", [`windows.${n}.legalBasis`]: "Required." });

    const anyRoles = draftToEntry("instrument", { ...draft, modules: null }, scc);
    expect(anyRoles.modules).toBeNull();
    const numbered = draftToEntry("instrument", { ...draft, modules: [{ module: "2", label: "Module 2", exporterRole: "controller", recipientRole: "processor" }] }, scc);
    expect(numbered.modules).toEqual([{ module: 2, label: "Module 2", exporterRole: "controller", recipientRole: "processor" }]);
  });

  it("keeps a former reference that did not exist as null, and leaves out an empty one", () => {
    const d = referenceKnowledgeBase.derogation.find((e) => e.formerReferences?.CH === null)!;
    const draft = toDraft(KB_FIELDS.derogation, d as unknown as Record<string, unknown>);
    expect((draft.formerReferences as Draft).CH).toBeNull();
    const cleared = draftToEntry("derogation", { ...draft, formerReferences: { ...(draft.formerReferences as Draft), EU: "", CH: "FADP of 1992 Art. 6(2)(c)" } }, d);
    expect(cleared.formerReferences).toEqual({ CH: "FADP of 1992 Art. 6(2)(c)" });
  });

  it("puts the server's refusals in the form's words, at the field's path", () => {
    const scc = referenceKnowledgeBase.instrument.find((e) => e.id === "scc-2010-87")!;
    const bad = { ...scc, title: "", windows: scc.windows.map((w, i) => (i === 0 ? { ...w, lastSignDate: "2021-02-30" } : w)) };
    const issues = knowledgeBaseEntrySchema.safeParse(bad).error?.issues ?? [];
    const byPath = Object.fromEntries(issues.map((i) => [i.path.join("."), friendlyMessage("instrument", i.message)]));
    expect(byPath).toEqual({ title: "Required.", "windows.0.lastSignDate": "Must be a real date written YYYY-MM-DD." });
    const adequacy = referenceKnowledgeBase.adequacy.find((e) => e.id === "ch-adequacy-ar")!;
    const reversed = knowledgeBaseEntrySchema.safeParse({ ...adequacy, effectiveFrom: "2024-01-02", endDate: "2024-01-01" }).error?.issues ?? [];
    expect(reversed.map((i) => [i.path.join("."), friendlyMessage("adequacy", i.message)])).toEqual([["endDate", "“Last day covered” is before “Covers transfers from”."]]);
  });
});
