import { createTRPCRouter } from "../trpc";

export const kbRouter = createTRPCRouter({});
