import { z } from "zod";
import { ROLES } from "@/server/auth/permissions";
import { MIN_PASSWORD_LENGTH } from "@/server/domain/choices/user-labels";

export { MIN_PASSWORD_LENGTH };

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(128, "Use at most 128 characters.");

export const createUserSchema = z.object({
  name: z.string().trim().min(1, "Enter the user's name.").max(200),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid e-mail address.")),
  role: z.enum(ROLES, { error: "Choose a role." }),
  password: passwordSchema,
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1, "Enter the user's name.").max(200),
  role: z.enum(ROLES, { error: "Choose a role." }),
  active: z.boolean(),
});

export const setPasswordSchema = z.object({ id: z.string().min(1), password: passwordSchema });
