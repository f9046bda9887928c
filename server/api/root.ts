import { auditRouter } from "./routers/audit";
import { categoryRouter } from "./routers/category";
import { partyRouter } from "./routers/party";
import { userRouter } from "./routers/user";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  party: partyRouter,
  category: categoryRouter,
  audit: auditRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
