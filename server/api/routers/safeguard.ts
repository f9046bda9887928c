import { createTRPCRouter } from "../trpc";

export const safeguardRouter = createTRPCRouter({});
