import { createTRPCRouter } from "../trpc";

export const tiaRouter = createTRPCRouter({});
