import { auditRouter } from "./routers/audit";
import { categoryRouter } from "./routers/category";
import { certificationRouter } from "./routers/certification";
import { dashboardRouter } from "./routers/dashboard";
import { kbRouter } from "./routers/kb";
import { partyRouter } from "./routers/party";
import { purposeRouter } from "./routers/purpose";
import { registryRouter } from "./routers/registry";
import { scenarioRouter } from "./routers/scenario";
import { remindersRouter } from "./routers/reminders";
import { safeguardRouter } from "./routers/safeguard";
import { tiaRouter } from "./routers/tia";
import { transferRouter } from "./routers/transfer";
import { userRouter } from "./routers/user";
import { noticeRouter } from "./routers/notice";
import { fileRouter, requestRouter } from "./routers/request";
import { partyImportRouter } from "./routers/party-import";
import { flagRouter } from "./routers/flag";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  dashboard: dashboardRouter,
  party: partyRouter,
  category: categoryRouter,
  purpose: purposeRouter,
  transfer: transferRouter,
  safeguard: safeguardRouter,
  certification: certificationRouter,
  tia: tiaRouter,
  kb: kbRouter,
  registry: registryRouter,
  audit: auditRouter,
  user: userRouter,
  scenario: scenarioRouter,
  notice: noticeRouter,
  request: requestRouter,
  file: fileRouter,
  partyImport: partyImportRouter,
  flag: flagRouter,
  reminders: remindersRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
