/**
 * What the browser bundles may not contain. Client components ("use client") and everything they import
 * at run time must not reach `zod` (the server validates; 30 kB gzip) or `i18n-iso-countries` (every
 * language's names and code tables; 16 kB gzip): they read the lean modules instead
 * (server/schemas/*-labels.ts, server/countries.ts over the generated country list, the domain's
 * `types.ts` files). Type-only imports are erased and do not count. `node server/scripts/bundle-size.mjs`
 * measures the result after a build.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");
const FORBIDDEN = ["zod", "i18n-iso-countries"];

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith("@/") && !spec.startsWith(".")) {
    const pkg = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!;
    return FORBIDDEN.includes(pkg) ? pkg : null;
  }
  const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : path.resolve(path.dirname(from), spec);
  for (const ext of ["", ".ts", ".tsx", "/index.ts", "/index.tsx"]) {
    const file = base + ext;
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return null;
}

/** The modules a file imports at run time (type-only imports and exports left out). */
function runtimeImports(file: string): string[] {
  if (!/\.tsx?$/.test(file)) return [];
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes = clause && !clause.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (onlyTypes) continue;
      out.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      out.push((node.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return out.map((spec) => resolve(file, spec)).filter((f): f is string => f !== null);
}

function clientComponents(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return clientComponents(full);
    if (!/\.tsx?$/.test(entry.name) || entry.name.endsWith(".test.ts")) return [];
    return /^\s*["']use client["']/.test(fs.readFileSync(full, "utf8")) ? [full] : [];
  });
}

/** The first chain of imports from `start` to a forbidden package, or null. */
function chainToForbidden(start: string): string[] | null {
  const parent = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const file = queue.shift()!;
    if (FORBIDDEN.includes(file)) {
      const chain: string[] = [];
      for (let at: string | null = file; at; at = parent.get(at) ?? null) chain.unshift(FORBIDDEN.includes(at) ? at : path.relative(root, at));
      return chain;
    }
    for (const next of runtimeImports(file)) {
      if (!parent.has(next)) {
        parent.set(next, file);
        queue.push(next);
      }
    }
  }
  return null;
}

describe("client components stay lean", () => {
  const clients = clientComponents(path.join(root, "app"));

  it("finds the client components", () => {
    expect(clients.map((f) => path.relative(root, f))).toEqual(expect.arrayContaining(["app/(app)/transfers/transfer-form.tsx", "app/_components/ui/combobox.tsx"]));
  });

  it("the check sees a forbidden import through a chain of modules", () => {
    // server/schemas/transfer.ts validates with zod: a client importing it would ship zod.
    expect(chainToForbidden(path.join(root, "server/schemas/transfer.ts"))?.at(-1)).toBe("zod");
  });

  it.each(clients.map((f) => path.relative(root, f)))("%s reaches neither zod nor i18n-iso-countries", (file) => {
    expect(chainToForbidden(path.join(root, file))).toBeNull();
  });
});
