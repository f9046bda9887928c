/** User constants without zod, safe to import from client components. */
/** The shortest password accepted; the server also refuses easily guessed ones (server/auth/password-policy.ts). */
export const MIN_PASSWORD_LENGTH = 12;
