import { relations } from "drizzle-orm";
import { auditLog } from "./audit";
import { account, session, user } from "./auth";
import { dataCategories, parties, partyDataCategories, partyProcessingLocations } from "./parties";

export const userRelations = relations(user, ({ many }) => ({
  sessions: many(session),
  accounts: many(account),
  auditEntries: many(auditLog),
}));
export const sessionRelations = relations(session, ({ one }) => ({
  user: one(user, { fields: [session.userId], references: [user.id] }),
}));
export const accountRelations = relations(account, ({ one }) => ({
  user: one(user, { fields: [account.userId], references: [user.id] }),
}));
export const auditLogRelations = relations(auditLog, ({ one }) => ({
  actor: one(user, { fields: [auditLog.actorId], references: [user.id] }),
}));
export const partyRelations = relations(parties, ({ many }) => ({
  processingLocations: many(partyProcessingLocations),
  dataCategories: many(partyDataCategories),
}));
export const partyProcessingLocationRelations = relations(partyProcessingLocations, ({ one }) => ({
  party: one(parties, { fields: [partyProcessingLocations.partyId], references: [parties.id] }),
}));
export const partyDataCategoryRelations = relations(partyDataCategories, ({ one }) => ({
  party: one(parties, { fields: [partyDataCategories.partyId], references: [parties.id] }),
  category: one(dataCategories, { fields: [partyDataCategories.categoryId], references: [dataCategories.id] }),
}));
