import { createTRPCRouter } from "../trpc";

export const certificationRouter = createTRPCRouter({});
