/**
 * The whole registry as a `transfer-registry/v1` document, read from the
 * database. This one mapping feeds the export, the verdicts shown in the app
 * and the round-trip test, so the app and the command-line checker evaluate
 * exactly the same data. Fields the rules do not use (contacts, data
 * categories, purposes, TIA details…) are written as extra fields, which the
 * format allows and which the import reads back. Output order is stable (by id).
 */
import { asc } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  certifications,
  parties,
  partyDataCategories,
  partyProcessingLocations,
  safeguardParties,
  safeguards,
  transferDataCategories,
  transferImpactAssessments,
  transferPurposes,
  transfers,
  transferSafeguards,
} from "@/db/schema";
import {
  REGISTRY_FORMAT,
  type RegistryDocument,
  type RegistryParty,
  type RegistrySafeguard,
  type RegistryTransfer,
} from "@/server/domain/registry";

type Loose<T> = T & Record<string, unknown>;

/** Copies the non-null entries of `fields` onto `target` (the document omits empty optional fields). */
function assignPresent(target: Record<string, unknown>, fields: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(fields)) if (v !== null && v !== undefined) target[k] = v;
}

function parseExtra(json: string | null): Record<string, unknown> {
  return json ? (JSON.parse(json) as Record<string, unknown>) : {};
}

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

export function readRegistryDocument(db: DbOrTx): RegistryDocument {
  const locations = groupBy(db.select().from(partyProcessingLocations).orderBy(asc(partyProcessingLocations.country)).all(), (r) => r.partyId);
  const partyCategories = groupBy(db.select().from(partyDataCategories).orderBy(asc(partyDataCategories.categoryId)).all(), (r) => r.partyId);
  const certs = groupBy(db.select().from(certifications).orderBy(asc(certifications.position), asc(certifications.id)).all(), (r) => r.partyId);

  const partyDocs: Loose<RegistryParty>[] = db
    .select()
    .from(parties)
    .orderBy(asc(parties.id))
    .all()
    .map((p) => {
      const doc: Loose<RegistryParty> = { id: p.id, name: p.name, relationship: p.relationship as RegistryParty["relationship"], country: p.country };
      const partyCerts = certs.get(p.id);
      if (partyCerts?.length) {
        doc.certifications = partyCerts.map((c) => {
          const cert: Record<string, unknown> = { framework: c.framework, from: c.from, to: c.to ?? null };
          assignPresent(cert, { coveredData: c.coveredData, verifiedOn: c.verifiedOn, verifiedBy: c.verifiedBy });
          Object.assign(cert, parseExtra(c.extra));
          return cert as unknown as NonNullable<RegistryParty["certifications"]>[number];
        });
      }
      assignPresent(doc, {
        serviceCategory: p.serviceCategory,
        adviserType: p.adviserType,
        processingLocations: (locations.get(p.id) ?? []).map((l) => l.country),
        registrationNumber: p.registrationNumber,
        website: p.website,
        contactName: p.contactName,
        contactEmail: p.contactEmail,
        ccpaRole: p.ccpaRole,
        ccpaSale: p.ccpaSale,
        ccpaShare: p.ccpaShare,
        dataCategories: (partyCategories.get(p.id) ?? []).map((c) => c.categoryId),
        notes: p.notes,
        archivedAt: p.archivedAt,
      });
      return Object.assign(doc, parseExtra(p.extra));
    });

  const sgParties = groupBy(db.select().from(safeguardParties).orderBy(asc(safeguardParties.position), asc(safeguardParties.partyId)).all(), (r) => r.safeguardId);
  const safeguardDocs: Loose<RegistrySafeguard>[] = db
    .select()
    .from(safeguards)
    .orderBy(asc(safeguards.id))
    .all()
    .map((s) => {
      const partyIds = (sgParties.get(s.id) ?? []).map((r) => r.partyId);
      const doc: Record<string, unknown> = { id: s.id, type: s.type };
      switch (s.type) {
        case "scc":
          doc.version = s.sccVersion;
          if (s.sccVersion === "2021/914") doc.modules = s.modules ? (JSON.parse(s.modules) as number[]) : [];
          Object.assign(doc, { parties: partyIds, signed: s.signed, ended: s.ended ?? null, ukAddendum: s.ukAddendum, swissAdaptations: s.swissAdaptations });
          break;
        case "uk_idta":
          Object.assign(doc, { parties: partyIds, signed: s.signed, ended: s.ended ?? null });
          break;
        case "bcr":
          Object.assign(doc, { variant: s.bcrVariant, approved: s.approved, ended: s.ended ?? null, members: partyIds });
          break;
        case "code_of_conduct":
        case "certification":
        case "ad_hoc_clauses":
          Object.assign(doc, { approved: s.approved, ended: s.ended ?? null, reference: s.reference ?? "" });
          if (partyIds.length) doc.parties = partyIds;
          break;
        case "derogation":
          doc.basis = s.derogationBasis;
          if (partyIds.length) doc.parties = partyIds;
          break;
      }
      assignPresent(doc, {
        title: s.title,
        dockingClause: s.type === "scc" ? s.dockingClause : null,
        ukAddendumVersion: s.ukAddendumVersion,
        supervisoryAuthority: s.supervisoryAuthority,
        governingLaw: s.governingLaw,
        idtaVersion: s.idtaVersion,
        approvingAuthority: s.approvingAuthority,
        justification: s.justification,
        saInformedOn: s.saInformedOn,
        notes: s.notes,
        archivedAt: s.archivedAt,
      });
      return Object.assign(doc, parseExtra(s.extra)) as Loose<RegistrySafeguard>;
    });

  const tSafeguards = groupBy(db.select().from(transferSafeguards).orderBy(asc(transferSafeguards.position), asc(transferSafeguards.safeguardId)).all(), (r) => r.transferId);
  const tCategories = groupBy(db.select().from(transferDataCategories).orderBy(asc(transferDataCategories.categoryId)).all(), (r) => r.transferId);
  const tPurposes = groupBy(db.select().from(transferPurposes).orderBy(asc(transferPurposes.purposeId)).all(), (r) => r.transferId);
  const tias = groupBy(
    db.select().from(transferImpactAssessments).orderBy(asc(transferImpactAssessments.completed), asc(transferImpactAssessments.id)).all(),
    (r) => r.transferId,
  );

  const transferDocs: Loose<RegistryTransfer>[] = db
    .select()
    .from(transfers)
    .orderBy(asc(transfers.id))
    .all()
    .map((t) => {
      const doc: Loose<RegistryTransfer> = {
        id: t.id,
        exporter: t.exporterId,
        recipient: t.recipientId,
        destination: t.destination,
        exporterRole: t.exporterRole as RegistryTransfer["exporterRole"],
        recipientRole: t.recipientRole as RegistryTransfer["recipientRole"],
        start: t.start,
        end: t.end ?? null,
        frequency: t.frequency as RegistryTransfer["frequency"],
        safeguards: (tSafeguards.get(t.id) ?? []).map((r) => r.safeguardId),
      };
      const assessments = tias.get(t.id) ?? [];
      const latest = assessments[assessments.length - 1];
      if (latest) {
        // The latest assessment is the one the rules read (FORMAT.md: outcome and supplementary measures).
        const tia: Record<string, unknown> = { completed: latest.completed, nextReview: latest.nextReview ?? null };
        assignPresent(tia, {
          outcome: latest.outcome,
          measuresTechnical: latest.measuresTechnical,
          measuresContractual: latest.measuresContractual,
          measuresOrganisational: latest.measuresOrganisational,
        });
        doc.tia = tia as unknown as RegistryTransfer["tia"];
        doc.tias = assessments.map((a) => {
          const tia: Record<string, unknown> = { id: a.id, completed: a.completed };
          assignPresent(tia, {
            assessor: a.assessor,
            outcome: a.outcome,
            measuresTechnical: a.measuresTechnical,
            measuresContractual: a.measuresContractual,
            measuresOrganisational: a.measuresOrganisational,
            nextReview: a.nextReview,
            documentRef: a.documentRef,
          });
          return Object.assign(tia, parseExtra(a.extra));
        });
      }
      assignPresent(doc, {
        dataCategories: (tCategories.get(t.id) ?? []).map((r) => r.categoryId),
        specialCategory: t.specialCategory,
        dataSubjects: JSON.parse(t.dataSubjects) as string[],
        purposes: (tPurposes.get(t.id) ?? []).map((r) => r.purposeId),
        notes: t.notes,
        archivedAt: t.archivedAt,
      });
      return Object.assign(doc, parseExtra(t.extra));
    });

  return { format: REGISTRY_FORMAT, parties: partyDocs, safeguards: safeguardDocs, transfers: transferDocs };
}
