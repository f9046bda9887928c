// Flat config. Keeps the rules engine pure (see the server/domain block) and
// guards drizzle updates/deletes against a missing WHERE.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import drizzle from "eslint-plugin-drizzle";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", "data/**", "reports/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks, drizzle },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "no-console": "off",
    },
  },
  {
    // The rules engine is pure: no database, no framework, no clock.
    files: ["server/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/db", "@/db/*", "**/db/*", "**/db"], message: "server/domain is pure: no database imports." },
            { group: ["@/app/*", "**/app/*"], message: "server/domain is pure: no UI imports." },
            { group: ["next", "next/*"], message: "server/domain is pure: no Next.js." },
            { group: ["drizzle-orm", "drizzle-orm/*"], message: "server/domain is pure: no ORM." },
            { group: ["better-sqlite3"], message: "server/domain is pure: no SQLite." },
            { group: ["node:*", "fs", "path"], message: "server/domain is pure: no I/O." },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "No clock in server/domain: take the date as a parameter." },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "No clock in server/domain: take the date as a parameter." },
      ],
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", setTimeout: "readonly" } },
  },
);
