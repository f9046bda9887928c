/** User constants without zod, safe to import from client components. */
export const MIN_PASSWORD_LENGTH = 10;
