import {
  createCertificationSchema,
  deleteCertificationSchema,
  listCertificationsSchema,
  updateCertificationSchema,
} from "@/server/schemas/certification";
import * as certifications from "@/server/services/certifications";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const certificationRouter = createTRPCRouter({
  list: protectedProcedure("party.read").input(listCertificationsSchema).query(({ ctx, input }) => certifications.listCertifications(ctx.db, input.partyId)),
  create: protectedProcedure("certification.manage").input(createCertificationSchema).mutation(({ ctx, input }) => certifications.createCertification(ctx.db, ctx.actor, input)),
  update: protectedProcedure("certification.manage").input(updateCertificationSchema).mutation(({ ctx, input }) => certifications.updateCertification(ctx.db, ctx.actor, input)),
  delete: protectedProcedure("certification.manage").input(deleteCertificationSchema).mutation(({ ctx, input }) => certifications.deleteCertification(ctx.db, ctx.actor, input)),
});
