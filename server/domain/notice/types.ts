/** What the notice features know of the registry: aggregates the service reads with SQL (GROUP BY). */
import type { CcpaCategoryId, MechanismId, RecipientCategoryId } from "./claim-rules";

export type TransferRegime = "EU" | "UK" | "CH";

/** Live restricted transfers to one destination under one regime, resting on one mechanism (one verdict basis entry). */
export interface MechanismFact {
  regime: TransferRegime;
  mechanism: MechanismId;
  /** What distinguishes it: the adequacy decision's citation, the SCC version, the framework, the Art. 49 basis, the BCR variant. */
  detail: string;
  destination: string;
  transfers: number;
  /** One transfer behind the row (the smallest id), for links. */
  sampleTransferId: string;
}

/** Live restricted transfers without any mechanism on the date (an `unsafeguarded` verdict). */
export interface UnsafeguardedFact {
  regime: TransferRegime;
  destination: string;
  transfers: number;
  sampleTransferId: string;
}

/** Recipients with at least one live transfer on the date, per registry category. */
export interface RecipientFact {
  category: RecipientCategoryId;
  parties: number;
  samplePartyId: string;
}

export type CcpaMark = "disclosed" | "sold" | "shared";

/** Over the 12 months up to the date: recipients of one category receiving one data category, with their CCPA marks. */
export interface CcpaFact {
  recipientCategory: RecipientCategoryId;
  /** The registry's data category id (data_category.id). */
  dataCategory: string;
  marks: CcpaMark[];
  parties: number;
  samplePartyId: string;
}

export interface RegistryFacts {
  asOf: string;
  /** First day of the CCPA look-back (12 months before `asOf`). */
  ccpaFrom: string;
  mechanisms: MechanismFact[];
  unsafeguarded: UnsafeguardedFact[];
  recipients: RecipientFact[];
  ccpa: CcpaFact[];
}

/** The CCPA table: per category of personal information, the recipient categories per mark. */
export type CcpaTable = Partial<Record<CcpaCategoryId, Record<CcpaMark, RecipientCategoryId[]>>>;

export interface RegistryLink {
  label: string;
  href: string;
}
