/**
 * The checks on `utils/strings.ts` as pure functions over source text: which keys of the table product code never
 * reads, and which sentences sit inline in JSX. `strings.test.ts` runs them on the real tree and on small
 * synthetic inputs. Source is parsed with the TypeScript compiler, so a key named in a comment or a sentence in a
 * comment never counts, and `x < y` or `Promise<void>` is never mistaken for markup.
 */
import ts from 'typescript';

/** Repo-relative path (with `/`) → file text. */
export type Sources = Readonly<Record<string, string>>;

/** A key of the table, as the path of property names from its root (`['capture', 'tenant', 'use']`). */
export type KeyPath = readonly string[];

export interface Leaf {
  path: KeyPath;
  value: unknown;
}

/** Every sentence (string) or sentence function of a table, nested tables walked. */
export function leavesOf(table: object, prefix: KeyPath = []): Leaf[] {
  return Object.entries(table).flatMap(([key, value]): Leaf[] =>
    typeof value === 'object' && value !== null
      ? leavesOf(value, [...prefix, key])
      : [{ path: [...prefix, key], value }],
  );
}

/** One read of the table: the path read, and whether it is then indexed with a computed key (`table[code]`). */
export interface Access {
  path: KeyPath;
  indexed: boolean;
}

function parse(file: string, text: string): ts.SourceFile {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
}

/** The path of `root.a.b['c']` when the chain starts at the identifier `root`, else null. */
function staticPath(node: ts.Expression, root: string): string[] | null {
  if (ts.isIdentifier(node)) return node.text === root ? [] : null;
  if (ts.isPropertyAccessExpression(node)) {
    const base = staticPath(node.expression, root);
    return base && [...base, node.name.text];
  }
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
    const base = staticPath(node.expression, root);
    return base && [...base, node.argumentExpression.text];
  }
  return null;
}

/**
 * Every read of the table named `root` in one file, aliases followed: `const t = strings.guide.steps.tenants;`
 * makes `t.allSet` a read of `guide.steps.tenants.allSet` (the alias itself is not a read).
 */
export function accessesIn(file: string, text: string, root = 'strings'): Access[] {
  const source = parse(file, text);
  const aliases = new Map<string, string[]>([[root, []]]);
  const aliasInits = new Set<ts.Node>();
  const findAliases = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const path = staticPath(node.initializer, root);
      if (path && path.length > 0) {
        aliases.set(node.name.text, path);
        aliasInits.add(node.initializer);
      }
    }
    ts.forEachChild(node, findAliases);
  };
  findAliases(source);

  const accesses: Access[] = [];
  const visit = (node: ts.Node) => {
    const base = ts.isIdentifier(node) ? aliases.get(node.text) : undefined;
    if (base && isReadOfIdentifier(node as ts.Identifier)) {
      const path = [...base];
      let top: ts.Node = node;
      let indexed = false;
      for (;;) {
        const parent: ts.Node = top.parent;
        if (ts.isPropertyAccessExpression(parent) && parent.expression === top) {
          path.push(parent.name.text);
        } else if (ts.isElementAccessExpression(parent) && parent.expression === top) {
          if (!ts.isStringLiteralLike(parent.argumentExpression)) {
            indexed = true;
            break;
          }
          path.push(parent.argumentExpression.text);
        } else break;
        top = parent;
      }
      if (!aliasInits.has(top)) accesses.push({ path, indexed });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return accesses;
}

/** False for an identifier that only names something (a declaration, an import, a property after the dot). */
function isReadOfIdentifier(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (ts.isVariableDeclaration(parent) && parent.name === node) return false;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return false;
  if (ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isExportSpecifier(parent)) return false;
  if (ts.isPropertySignature(parent) || ts.isParameter(parent) || ts.isBindingElement(parent)) return false;
  return true;
}

/** Every string literal's text in a file (values and literal types): the codes the code can produce or match. */
export function literalsIn(file: string, text: string): Set<string> {
  const found = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node)) found.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(parse(file, text));
  return found;
}

const startsWith = (path: KeyPath, prefix: KeyPath) =>
  prefix.length <= path.length && prefix.every((key, i) => path[i] === key);

/**
 * The leaves no code reads. A leaf is read when its own path is read, or a table above it is read whole (a step's
 * `{ title, body }` handed to the guide). A key of a table indexed with a computed key (`strings.problem[code]`)
 * is read only when its name is also a literal in `codes`: a code something can produce, not just a sentence
 * nothing can reach.
 */
export function unusedLeaves(
  leaves: readonly Leaf[],
  accesses: readonly Access[],
  codes: ReadonlySet<string>,
): string[] {
  const exact = new Set(accesses.filter((a) => !a.indexed).map((a) => a.path.join('.')));
  const whole = accesses.filter((a) => !a.indexed);
  const tables = accesses.filter((a) => a.indexed).map((a) => a.path);
  const read = (path: KeyPath): boolean => {
    if (exact.has(path.join('.'))) return true;
    const table = tables.find((t) => t.length < path.length && startsWith(path, t));
    if (table) return codes.has(path[table.length] as string);
    return whole.some((a) => a.path.length < path.length && startsWith(path, a.path));
  };
  return leaves.filter((leaf) => !read(leaf.path)).map((leaf) => leaf.path.join('.'));
}

/** Attributes whose value a user reads or hears. */
const SHOWN_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'alt',
  'label',
  'placeholder',
  'title',
]);

const hasLetter = (text: string) => /[A-Za-z]/.test(text);

type Literal = ts.StringLiteralLike | ts.TemplateExpression;

/** The literals inside an expression, not descending into nested JSX (visited on its own). */
function literalsOf(node: ts.Node): Literal[] {
  if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) return [];
  if (ts.isStringLiteralLike(node) || ts.isTemplateExpression(node)) return [node];
  const found: Literal[] = [];
  ts.forEachChild(node, (child) => {
    found.push(...literalsOf(child));
  });
  return found;
}

/** A literal's own words, with `{…}` for each interpolation. */
function wordsOf(literal: Literal): string {
  if (!ts.isTemplateExpression(literal)) return literal.text;
  return literal.head.text + literal.templateSpans.map((span) => `{…}${span.literal.text}`).join('');
}

/** The parts of a child expression whose value is what shows: `a ? b : c` shows b or c, `a && b` shows b. */
function shownParts(node: ts.Expression): ts.Expression[] {
  if (ts.isParenthesizedExpression(node)) return shownParts(node.expression);
  if (ts.isConditionalExpression(node)) return [...shownParts(node.whenTrue), ...shownParts(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return shownParts(node.right);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
      return [...shownParts(node.left), ...shownParts(node.right)];
    }
  }
  return [node];
}

/** The shown parts of every call's arguments in an expression (`t.retrying(known ? time : 'soon')`). */
function argumentsIn(node: ts.Node): ts.Expression[] {
  if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) return [];
  const found = ts.isCallExpression(node) ? node.arguments.flatMap(shownParts) : [];
  ts.forEachChild(node, (child) => {
    found.push(...argumentsIn(child));
  });
  return found;
}

/**
 * Words written inline in a TSX file's markup, each reported as `line: words`: JSX text with letters outside
 * `{…}`; a shown attribute (`aria-label`, `title`, …) given a literal with letters; and, in a child `{…}`, a
 * template with letters, a literal with letters that is what shows or what a call is given (`{ok ? 'soon' : x}`,
 * `{t.retrying('soon')}`), or a literal of more than one word anywhere. A code compared or used as an index
 * (`state === 'delivered'`, `t.failed[failure ?? 'sealing_failed']`) is not a sentence.
 */
export function inlineText(file: string, text: string): string[] {
  const source = parse(file, text);
  const found = new Map<ts.Node, string>();
  const report = (node: ts.Node, words: string) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    found.set(node, `${line}: ${words.replace(/\s+/g, ' ').trim()}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasLetter(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && node.initializer && SHOWN_ATTRIBUTES.has(node.name.getText(source))) {
      for (const literal of literalsOf(node.initializer))
        if (hasLetter(wordsOf(literal))) report(literal, wordsOf(literal));
    }
    if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      const shown = new Set<ts.Node>([...shownParts(node.expression), ...argumentsIn(node.expression)]);
      for (const literal of literalsOf(node.expression)) {
        const words = wordsOf(literal);
        if (!hasLetter(ts.isTemplateExpression(literal) ? words.replaceAll('{…}', '') : words)) continue;
        if (ts.isTemplateExpression(literal) || shown.has(literal) || /\S\s+\S/.test(words.trim())) {
          report(literal, words);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...found.values()];
}
