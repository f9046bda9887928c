import { createTRPCRouter } from "../trpc";

export const transferRouter = createTRPCRouter({});
