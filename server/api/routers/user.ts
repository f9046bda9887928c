import { createUserSchema, setPasswordSchema, updateUserSchema } from "@/server/schemas/user";
import * as users from "@/server/services/users";
import { permissionsOf } from "@/server/auth/permissions";
import { authenticatedProcedure, createTRPCRouter, protectedProcedure } from "../trpc";

export const userRouter = createTRPCRouter({
  /** The signed-in user and what their role may do (the UI hides the rest). */
  me: authenticatedProcedure.query(({ ctx }) => ({ ...ctx.user, permissions: permissionsOf(ctx.user.role) })),
  list: protectedProcedure("user.read").query(({ ctx }) => users.listUsers(ctx.db)),
  create: protectedProcedure("user.manage").input(createUserSchema).mutation(({ ctx, input }) => users.createUser(ctx.db, ctx.actor, input)),
  update: protectedProcedure("user.manage").input(updateUserSchema).mutation(({ ctx, input }) => users.updateUser(ctx.db, ctx.actor, input)),
  setPassword: protectedProcedure("user.manage").input(setPasswordSchema).mutation(({ ctx, input }) => users.setUserPassword(ctx.db, ctx.actor, input)),
});
