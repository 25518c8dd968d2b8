import fs from "node:fs";
import path from "node:path";

import ts from "typescript";
import { describe, expect, it } from "vitest";

import { readCatalogue } from "./catalogue";
import { CLIENT_NAMESPACES } from "./client-messages";

// Reads the app's code the way a reviewer would: every translator (useTranslations and
// getTranslations, with their namespace) and every key given to it. Client code may use only the
// namespaces that reach the browser (CLIENT_NAMESPACES); every key written out in the code must
// exist in the English catalogue. A forgotten namespace or a typo then fails here, not in a page.

const ROOT = process.cwd();
const SOURCE_DIRS = ["app", "components", "lib"];
const TRANSLATOR_FACTORIES = new Set(["useTranslations", "getTranslations"]);
const TRANSLATOR_METHODS = new Set(["rich", "markup", "raw", "has"]);

type KeyUse = { file: string; line: number; isClient: boolean; key: string; exact: boolean; method: string | null };
type Problem = string;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")
      ? [relative]
      : [];
  });
}

function isClientModule(source: ts.SourceFile) {
  const first = source.statements[0];
  return (
    !!first &&
    ts.isExpressionStatement(first) &&
    ts.isStringLiteral(first.expression) &&
    first.expression.text === "use client"
  );
}

function unwrap(node: ts.Expression): ts.Expression {
  while (
    ts.isAwaitExpression(node) ||
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node)
  ) {
    node = node.expression;
  }
  return node;
}

// The namespace a translator factory call was given: "" for the root, null when not written out.
function factoryNamespace(node: ts.Expression): string | null | undefined {
  const call = unwrap(node);
  if (
    !ts.isCallExpression(call) ||
    !ts.isIdentifier(call.expression) ||
    !TRANSLATOR_FACTORIES.has(call.expression.text)
  )
    return undefined;
  const [argument] = call.arguments;
  if (!argument) return "";
  return ts.isStringLiteralLike(argument) ? argument.text : null;
}

// The keys an expression can be: exact literals, or the written-out start of a template.
function keysOf(node: ts.Expression): Array<{ key: string; exact: boolean }> | null {
  const expression = unwrap(node);
  if (ts.isStringLiteralLike(expression)) return [{ key: expression.text, exact: true }];
  if (ts.isTemplateExpression(expression)) return [{ key: expression.head.text, exact: false }];
  if (ts.isConditionalExpression(expression)) {
    const [whenTrue, whenFalse] = [keysOf(expression.whenTrue), keysOf(expression.whenFalse)];
    return whenTrue && whenFalse ? [...whenTrue, ...whenFalse] : null;
  }
  return null;
}

function scan(file: string, problems: Problem[]): KeyUse[] {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const isClient = isClientModule(source);
  const translators = new Map<string, string | null>();
  const uses: KeyUse[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;

  const bind = (name: ts.BindingName, initializer: ts.Expression) => {
    const namespace = factoryNamespace(initializer);
    if (ts.isIdentifier(name) && namespace !== undefined) translators.set(name.text, namespace);
    // const [t, format] = await Promise.all([getTranslations("x"), getFormatter()])
    const call = unwrap(initializer);
    if (
      ts.isArrayBindingPattern(name) &&
      ts.isCallExpression(call) &&
      call.arguments[0] &&
      ts.isArrayLiteralExpression(call.arguments[0])
    ) {
      const elements = call.arguments[0].elements;
      name.elements.forEach((element, index) => {
        const value = elements[index];
        if (ts.isBindingElement(element) && ts.isIdentifier(element.name) && value) {
          const elementNamespace = factoryNamespace(value);
          if (elementNamespace !== undefined) translators.set(element.name.text, elementNamespace);
        }
      });
    }
  };

  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && node.initializer) bind(node.name, node.initializer);
    if (ts.isCallExpression(node)) {
      const namespace = factoryNamespace(node);
      if (
        namespace !== undefined &&
        isClient &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === "useTranslations"
      ) {
        if (namespace === null)
          problems.push(`${file}:${lineOf(node)}: useTranslations needs its namespace written out`);
      }
      let translator: string | undefined;
      let method: string | null = null;
      if (ts.isIdentifier(node.expression)) translator = node.expression.text;
      else if (
        ts.isPropertyAccessExpression(node.expression) &&
        ts.isIdentifier(node.expression.expression) &&
        TRANSLATOR_METHODS.has(node.expression.name.text)
      ) {
        translator = node.expression.expression.text;
        method = node.expression.name.text;
      }
      if (translator !== undefined && translators.has(translator) && node.arguments[0]) {
        const prefix = translators.get(translator);
        const keys = keysOf(node.arguments[0]);
        if (prefix === null) {
          if (isClient) problems.push(`${file}:${lineOf(node)}: a translator without a written-out namespace`);
        } else if (!keys) {
          // A key computed elsewhere: only its namespace can be known, and only if it was given.
          if (isClient && prefix === "")
            problems.push(
              `${file}:${lineOf(node)}: write the key's namespace out (t("ns.key") or useTranslations("ns"))`,
            );
          else uses.push({ file, line: lineOf(node), isClient, key: prefix ?? "", exact: false, method });
        } else {
          for (const { key, exact } of keys)
            uses.push({ file, line: lineOf(node), isClient, key: prefix ? `${prefix}.${key}` : key, exact, method });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);

  if (!isClient && /useTranslations\(/.test(text) && !/^\s*"use client"/.test(text)) {
    problems.push(`${file}: calls useTranslations but is not a client module`);
  }
  return uses;
}

function lookup(catalogue: Record<string, unknown>, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>(
      (node, part) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[part] : undefined),
      catalogue,
    );
}

type Graph = {
  imports: Map<string, string[]>;
  client: Set<string>;
  translating: Set<string>;
  // Client components loaded on demand that give NextIntlClientProvider their ClientIntl themselves.
  providesOwn: Set<string>;
  rendersClientMessages: Set<string>;
};

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? specifier.slice(2)
    : specifier.startsWith(".")
      ? path.join(path.dirname(from), specifier)
      : null;
  if (base === null) return null;
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ]) {
    if (/\.tsx?$/.test(candidate) && fs.existsSync(path.join(ROOT, candidate))) return path.normalize(candidate);
  }
  return null;
}

// Who imports whom (type-only imports left out; import() included, as next/dynamic uses it).
function importGraph(all: string[]): Graph {
  const graph: Graph = {
    imports: new Map(),
    client: new Set(),
    translating: new Set(),
    providesOwn: new Set(),
    rendersClientMessages: new Set(),
  };
  for (const file of all) {
    const text = fs.readFileSync(path.join(ROOT, file), "utf8");
    const source = ts.createSourceFile(
      file,
      text,
      ts.ScriptTarget.Latest,
      true,
      file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    );
    const targets: string[] = [];
    const visit = (node: ts.Node) => {
      if (
        (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
        node.moduleSpecifier &&
        ts.isStringLiteral(node.moduleSpecifier)
      ) {
        const clause = ts.isImportDeclaration(node) ? node.importClause : undefined;
        const typeOnly =
          (ts.isExportDeclaration(node) && node.isTypeOnly) ||
          clause?.isTypeOnly ||
          (clause &&
            !clause.name &&
            clause.namedBindings &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.every((element) => element.isTypeOnly));
        if (!typeOnly) targets.push(node.moduleSpecifier.text);
      }
      if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments[0] &&
        ts.isStringLiteral(node.arguments[0])
      ) {
        targets.push(node.arguments[0].text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    graph.imports.set(
      file,
      targets.map((target) => resolveImport(file, target)).filter((target): target is string => target !== null),
    );
    if (isClientModule(source)) graph.client.add(file);
    if (/\buseTranslations\(/.test(text)) graph.translating.add(file);
    if (isClientModule(source) && /<NextIntlClientProvider\b/.test(text)) graph.providesOwn.add(file);
    if (/<ClientMessages\b/.test(text)) graph.rendersClientMessages.add(file);
  }
  return graph;
}

// The translating modules a client component brings along, up to those that provide their own messages.
function translatingWithoutProvider(graph: Graph, start: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file) || graph.providesOwn.has(file)) return;
    seen.add(file);
    if (graph.translating.has(file)) found.push(file);
    for (const next of graph.imports.get(file) ?? []) walk(next);
  };
  walk(start);
  return found;
}

const files = SOURCE_DIRS.flatMap((dir) => sourceFiles(dir));
const problems: Problem[] = [];
const uses = files.flatMap((file) => scan(file, problems));
const english = readCatalogue("en");

describe("translations in the code", () => {
  it("finds the app's translators (the scan itself works)", () => {
    expect(uses.filter((use) => use.isClient).length).toBeGreaterThan(50);
    expect(uses.filter((use) => !use.isClient).length).toBeGreaterThan(50);
    expect(uses).toContainEqual(
      expect.objectContaining({
        file: expect.stringMatching(/send-review-form\.tsx$/),
        key: "handoff.send",
        isClient: true,
      }),
    );
  });

  it("gives client code only namespaces that reach the browser", () => {
    const outside = uses
      .filter((use) => use.isClient)
      .filter((use) => !(CLIENT_NAMESPACES as readonly string[]).includes(use.key.split(".")[0]!))
      .map(
        (use) =>
          `${use.file}: namespace "${use.key.split(".")[0]}" is not in CLIENT_NAMESPACES (lib/i18n/client-messages.ts)`,
      );
    expect([...problems, ...new Set(outside)]).toEqual([]);
  });

  it("lists only namespaces the catalogue has", () => {
    expect(CLIENT_NAMESPACES.filter((namespace) => !(namespace in english))).toEqual([]);
  });

  it("uses only keys the English catalogue has", () => {
    const missing = uses.flatMap((use) => {
      if (use.exact) {
        const found = lookup(english, use.key);
        // t() and t.rich() need a text; t.has() and t.raw() may look at a whole group.
        const ok = use.method === "has" || use.method === "raw" ? found !== undefined : typeof found === "string";
        return ok ? [] : [`${use.file}:${use.line}: "${use.key}"`];
      }
      // A key built at run time: its written-out start must name a group that exists.
      const group = use.key.includes(".") ? use.key.slice(0, use.key.lastIndexOf(".")) : use.key;
      if (group === "") return [];
      return typeof lookup(english, group) === "object" ? [] : [`${use.file}:${use.line}: no group "${group}"`];
    });
    expect(missing).toEqual([]);
  });

  it("renders every translating client component inside <ClientMessages> or a component that provides its own", () => {
    const graph = importGraph(files);
    const missing = new Set<string>();
    for (const entry of files.filter((file) => /^app\/.*\/?(page|layout|not-found|error|template)\.tsx$/.test(file))) {
      // A layout with <ClientMessages> covers every page and layout below it.
      const dirs = path
        .dirname(entry)
        .split(path.sep)
        .map((_, index, parts) => parts.slice(0, index + 1).join(path.sep));
      const byLayout = dirs.some((dir) => graph.rendersClientMessages.has(path.join(dir, "layout.tsx")));
      const walkServer = (file: string, covered: boolean, seen: Set<string>) => {
        if (seen.has(file)) return;
        seen.add(file);
        const isCovered = covered || graph.rendersClientMessages.has(file);
        for (const next of graph.imports.get(file) ?? []) {
          if (graph.client.has(next)) {
            for (const translating of translatingWithoutProvider(graph, next)) {
              if (!isCovered)
                missing.add(
                  `${entry} → ${file} → ${next}: ${translating} calls useTranslations outside <ClientMessages>`,
                );
            }
          } else {
            walkServer(next, isCovered, seen);
          }
        }
      };
      walkServer(entry, byLayout, new Set());
    }
    expect([...missing]).toEqual([]);
  });

  it("gives client components their messages one way: from getClientIntl (ClientIntl)", () => {
    const sources = files.map((file) => [file, fs.readFileSync(path.join(ROOT, file), "utf8")] as const);
    const providers = sources
      .filter(([, text]) => /\bNextIntlClientProvider\b/.test(text))
      .filter(([file, text]) => file !== "components/i18n/client-messages.tsx" && !/\bClientIntl\b/.test(text))
      .map(([file]) => `${file}: NextIntlClientProvider without ClientIntl`);
    const pickers = sources
      .filter(([, text]) => /\bgetMessages\b/.test(text))
      .filter(([file]) => file !== "lib/i18n/get-client-intl.ts")
      .map(([file]) => `${file}: picks messages itself (use getClientIntl)`);
    expect([...providers, ...pickers]).toEqual([]);
  });
});
