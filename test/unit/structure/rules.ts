/**
 * The architecture's rules as pure functions: a tree (repo-relative path → file text) goes in, the violations
 * come out. `structure.test.ts` runs them on the real source tree and on small synthetic trees.
 *
 * Only product code is checked: `entrypoints/`, `components/`, `utils/`, `config/` (.ts/.tsx). Imports are
 * read with regexes over the text with comments blanked out (and, for code patterns, string contents too), so
 * that a commented-out import or a sentence in a string never counts. An internal import that resolves to no
 * file of the tree is left alone here: tsc reports it.
 */
import { posix } from 'node:path';

export type RuleId =
  | 'run-context'
  | 'page-dom'
  | 'sender'
  | 'cycle'
  | 'front-door'
  | 'component-import'
  | 'thin-entrypoint';

export const RULES: readonly RuleId[] = [
  'run-context',
  'page-dom',
  'sender',
  'cycle',
  'front-door',
  'component-import',
  'thin-entrypoint',
];

export interface Violation {
  rule: RuleId;
  file: string;
  detail: string;
}

/** Repo-relative path (with `/`) → file text. */
export type Tree = Readonly<Record<string, string>>;

// ---------------------------------------------------------------------------------------------------------------
// The layout

export type RunContext = 'content' | 'background' | 'popup' | 'shared';

/** Where code runs. An entry ending in `/` is a folder, any other a single file. */
export const ROOMS: Readonly<Record<RunContext, readonly string[]>> = {
  content: [
    'entrypoints/partner-center.content/',
    'components/overlay/',
    'utils/page-model/',
    'utils/guidance/',
    'utils/vault/',
  ],
  background: ['entrypoints/background.ts', 'utils/delivery/'],
  popup: ['entrypoints/popup/', 'components/popup/'],
  shared: ['utils/shapes/', 'utils/protocol/', 'utils/storage.ts', 'utils/strings.ts', 'utils/config.ts', 'config/'],
};

/** What code of each context may load with a value import. */
const MAY_LOAD: Readonly<Record<RunContext, readonly RunContext[]>> = {
  content: ['content', 'shared'],
  background: ['background', 'shared'],
  popup: ['popup', 'shared'],
  shared: ['shared'],
};

/** Folders with a front door (`index.ts`) and, for type-only imports, an optional second door (`types.ts`). */
export const DOMAINS: readonly string[] = [
  'utils/page-model',
  'utils/shapes',
  'utils/guidance',
  'utils/vault',
  'utils/delivery',
  'utils/protocol',
];

/** The only reader of the Partner Center DOM; `components/` and `entrypoints/` render our own UI. */
const PAGE_DOM_FREE = ['utils/page-model/', 'components/', 'entrypoints/'];

/**
 * Files outside those that may still use a flagged DOM API, each with the reason. Empty on purpose:
 * `utils/guidance/anchor.ts` takes the Element it is given and reads only its geometry (getBoundingClientRect,
 * isConnected) for Floating UI, which no pattern below flags; `utils/guidance/tour.ts` gets its targets from
 * `findTarget` in the page model. Add an entry only with a reason a reviewer can check.
 */
const PAGE_DOM_ALLOWED: Readonly<Record<string, string>> = {};

/** The one reader of a message's sender. */
export const TRUST_GATE = 'utils/protocol/trust-gate.ts';

/** Code files WXT treats as entrypoints; anything else under `entrypoints/` is a helper in the wrong place. */
const ENTRYPOINT_FILES: readonly RegExp[] = [
  /^entrypoints\/background(?:\/index)?\.ts$/,
  /^entrypoints\/[\w-]+\.content(?:\/index)?\.tsx?$/,
  // The script of an HTML page (popup/index.html loads popup/main.tsx).
  /^entrypoints\/[\w-]+\/main\.tsx?$/,
];

export function isProductFile(path: string): boolean {
  return /^(?:entrypoints|components|utils|config)\/.+\.tsx?$/.test(path) && !/\.(?:d|test|spec)\.tsx?$/.test(path);
}

const under = (path: string, entry: string) => (entry.endsWith('/') ? path.startsWith(entry) : path === entry);

export function runContextOf(path: string): RunContext | null {
  for (const context of Object.keys(ROOMS) as RunContext[]) {
    if (ROOMS[context].some((entry) => under(path, entry))) return context;
  }
  return null;
}

export function domainOf(path: string): string | null {
  return DOMAINS.find((domain) => path.startsWith(`${domain}/`)) ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading a file: comments and strings

interface Masked {
  /** The text with comments blanked (strings kept): for import specifiers and storage keys. */
  code: string;
  /** The text with comments, string/template text and regex literals blanked: for code patterns. */
  bare: string;
  /** 1 where the character is inside a string or template literal (quotes included). */
  inString: Uint8Array;
}

const REGEX_AFTER_CHARS = new Set('(,=:[!&|?{};+-*%<>~^'.split(''));
const REGEX_AFTER_WORDS = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void']);
const REGEX_AFTER_WORDS_2 = new Set(['throw', 'yield', 'await', 'instanceof']);

/** Blanks comments, strings and regex literals (keeping every offset and line break where it was). */
export function mask(text: string): Masked {
  const n = text.length;
  const code = text.split('');
  const bare = text.split('');
  const inString = new Uint8Array(n);
  const blank = (chars: string[], from: number, to: number) => {
    for (let k = from; k < to; k++) if (chars[k] !== '\n') chars[k] = ' ';
  };
  const markString = (from: number, to: number) => inString.fill(1, from, to);
  /** Braces open in code: `true` for a template's `${`, whose `}` returns into the template. */
  const braces: boolean[] = [];

  /** Scans template text from `from` (just after the backtick or the `}` of an expression). */
  const template = (from: number): number => {
    let j = from;
    while (j < n) {
      if (text[j] === '\\') j += 2;
      else if (text[j] === '`') {
        blank(bare, from, j);
        markString(from - 1, j + 1);
        return j + 1;
      } else if (text[j] === '$' && text[j + 1] === '{') {
        blank(bare, from, j);
        markString(from - 1, j);
        braces.push(true);
        return j + 2;
      } else j++;
    }
    blank(bare, from, n);
    markString(from - 1, n);
    return n;
  };

  const regexAllowed = (at: number): boolean => {
    let k = at - 1;
    while (k >= 0 && /\s/.test(code[k] ?? '')) k--;
    if (k < 0) return true;
    const before = code[k] ?? '';
    if (REGEX_AFTER_CHARS.has(before)) return true;
    if (!/[\w$]/.test(before)) return false;
    let start = k;
    while (start > 0 && /[\w$]/.test(code[start - 1] ?? '')) start--;
    const word = code.slice(start, k + 1).join('');
    return REGEX_AFTER_WORDS.has(word) || REGEX_AFTER_WORDS_2.has(word);
  };

  /** The end of a regex literal starting at `at` (one line at most), or -1 when it is a division. */
  const regexEnd = (at: number): number => {
    let inClass = false;
    for (let j = at + 1; j < n; j++) {
      const ch = text[j];
      if (ch === '\n') return -1;
      if (ch === '\\') j++;
      else if (inClass) inClass = ch !== ']';
      else if (ch === '[') inClass = true;
      else if (ch === '/') {
        let end = j + 1;
        while (end < n && /[a-z]/i.test(text[end] ?? '')) end++;
        return end;
      }
    }
    return -1;
  };

  let i = 0;
  while (i < n) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      const newline = text.indexOf('\n', i);
      const end = newline < 0 ? n : newline;
      blank(code, i, end);
      blank(bare, i, end);
      i = end;
    } else if (c === '/' && next === '*') {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? n : close + 2;
      blank(code, i, end);
      blank(bare, i, end);
      i = end;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      blank(bare, i + 1, Math.min(j, n));
      markString(i, Math.min(j + 1, n));
      i = Math.min(j + 1, n);
    } else if (c === '`') {
      i = template(i + 1);
    } else if (c === '}' && braces.at(-1) === true) {
      braces.pop();
      i = template(i + 1);
    } else {
      if (c === '{') braces.push(false);
      else if (c === '}') braces.pop();
      const end = c === '/' && regexAllowed(i) ? regexEnd(i) : -1;
      if (end > 0) {
        blank(bare, i + 1, end);
        i = end;
      } else i++;
    }
  }
  return { code: code.join(''), bare: bare.join(''), inString };
}

const lineAt = (text: string, index: number): number => {
  let line = 1;
  for (let k = 0; k < index; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
};

// ---------------------------------------------------------------------------------------------------------------
// Imports

export interface ParsedImport {
  specifier: string;
  line: number;
  /** Erased at build: `import type`, `export type … from`, every named specifier `type`, or `import('…').X`. */
  typeOnly: boolean;
}

const CLAUSE = String.raw`(?:[\w$]+(?:\s*,\s*(?:\{[^}]*\}|\*\s*as\s+[\w$]+))?|\{[^}]*\}|\*\s*as\s+[\w$]+)`;
const STATIC_IMPORT = new RegExp(String.raw`^[ \t]*import\s+(type\s+)?(${CLAUSE})\s*from\s*(['"])([^'"\n]+)\3`, 'gm');
const SIDE_EFFECT_IMPORT = /^[ \t]*import\s*(['"])([^'"\n]+)\1/gm;
const EXPORT_FROM = /^[ \t]*export\s+(type\s+)?(\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*(['"])([^'"\n]+)\3/gm;
const DYNAMIC_IMPORT = /(\btypeof\s+)?(?<![.\w$])import\s*\(\s*(['"`])([^'"`\n]+)\2\s*\)(?:\s*\.\s*([\w$]+))?/g;
/** Members of a dynamic import's promise: anything else after `import('…').` is a type position. */
const PROMISE_MEMBERS = new Set(['then', 'catch', 'finally']);

/** `{ type A, type B as C }`: every specifier type-only (an empty list is not). */
const allNamedAreTypes = (clause: string): boolean => {
  if (!clause.startsWith('{')) return false;
  const names = clause
    .slice(1, -1)
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return names.length > 0 && names.every((name) => /^type\s/.test(name));
};

/** Every import and re-export of a file, in the order they appear. */
export function parseImports(text: string, masked: Masked = mask(text)): ParsedImport[] {
  const { code, inString } = masked;
  const found: (ParsedImport & { at: number })[] = [];
  const add = (match: RegExpExecArray, keyword: string, specifier: string, typeOnly: boolean) => {
    const at = match.index + match[0].indexOf(keyword);
    if (!inString[at]) found.push({ at, specifier, line: lineAt(text, at), typeOnly });
  };
  for (const m of code.matchAll(STATIC_IMPORT)) {
    add(m, 'import', m[4] ?? '', Boolean(m[1]) || allNamedAreTypes(m[2] ?? ''));
  }
  for (const m of code.matchAll(SIDE_EFFECT_IMPORT)) add(m, 'import', m[2] ?? '', false);
  for (const m of code.matchAll(EXPORT_FROM)) {
    add(m, 'export', m[4] ?? '', Boolean(m[1]) || allNamedAreTypes(m[2] ?? ''));
  }
  for (const m of code.matchAll(DYNAMIC_IMPORT)) {
    const member = m[4];
    add(m, 'import', m[3] ?? '', Boolean(m[1]) || (member !== undefined && !PROMISE_MEMBERS.has(member)));
  }
  return found.sort((a, b) => a.at - b.at).map(({ at: _at, ...parsed }) => parsed);
}

/** WXT's aliases, all to the repo root (`.wxt/tsconfig.json`). */
const ALIASES = ['@/', '~/', '@@/', '~~/'];

/**
 * The repo path an import loads, or null when it is external (`#imports`, a package), an asset (`?inline`,
 * `.css`) or resolves to no file of the tree.
 */
export function resolveImport(from: string, specifier: string, files: ReadonlySet<string>): string | null {
  if (specifier.includes('?') || specifier.endsWith('.css')) return null;
  const alias = ALIASES.find((prefix) => specifier.startsWith(prefix));
  let base: string;
  if (alias) base = posix.normalize(specifier.slice(alias.length));
  else if (specifier.startsWith('./') || specifier.startsWith('../')) {
    base = posix.normalize(posix.join(posix.dirname(from), specifier));
  } else return null;
  const candidates = [
    /\.tsx?$/.test(base) ? base : null,
    `${base}.ts`,
    `${base}.tsx`,
    `${base}/index.ts`,
    `${base}/index.tsx`,
  ];
  return candidates.find((candidate): candidate is string => candidate !== null && files.has(candidate)) ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// The rules

interface Link extends ParsedImport {
  /** A product file of the tree. */
  target: string;
}

interface SourceFile {
  path: string;
  text: string;
  masked: Masked;
  links: Link[];
}

const analysed = new WeakMap<Tree, SourceFile[]>();

function analyse(tree: Tree): SourceFile[] {
  const cached = analysed.get(tree);
  if (cached) return cached;
  const files = new Set(Object.keys(tree));
  const sources = [...files]
    .filter(isProductFile)
    .sort()
    .map((path) => {
      const text = tree[path] ?? '';
      const masked = mask(text);
      const links = parseImports(text, masked).flatMap((parsed) => {
        const target = resolveImport(path, parsed.specifier, files);
        return target && isProductFile(target) ? [{ ...parsed, target }] : [];
      });
      return { path, text, masked, links };
    });
  analysed.set(tree, sources);
  return sources;
}

type Report = (file: string, detail: string) => void;

/** Each match of `pattern` in `haystack`, with its line and its text (whitespace removed). */
function* matches(file: SourceFile, haystack: string, pattern: RegExp) {
  for (const m of haystack.matchAll(pattern)) {
    yield { line: lineAt(file.text, m.index), text: m[0].replace(/\s+/g, ''), index: m.index };
  }
}

const SESSION_KEY = /(['"`])session:/g;
const ALARMS = /\b(?:browser|chrome)\s*\.\s*alarms\b/g;

function runContext(files: SourceFile[], report: Report): void {
  for (const file of files) {
    const context = runContextOf(file.path);
    if (!context) {
      report(file.path, 'is in no run context: add its folder to ROOMS in test/unit/structure/rules.ts');
      continue;
    }
    for (const link of file.links) {
      const targetContext = runContextOf(link.target);
      if (link.typeOnly || !targetContext || MAY_LOAD[context].includes(targetContext)) continue;
      report(
        file.path,
        `line ${link.line}: value import of ${link.target} (${targetContext}); ${context} code may load only ${MAY_LOAD[context].join(' and ')} code`,
      );
    }
    // storage.local is closed to content scripts (it holds the intake token): they ask the background instead.
    for (const link of file.links) {
      if (context === 'content' && !link.typeOnly && link.target === 'utils/storage.ts') {
        report(
          file.path,
          `line ${link.line}: value import of utils/storage.ts; content code asks the background instead`,
        );
      }
    }
    if (context === 'background') continue;
    for (const m of matches(file, file.masked.code, SESSION_KEY)) {
      if (file.masked.inString[m.index]) {
        report(file.path, `line ${m.line}: a 'session:' storage key; session storage is for background code only`);
      }
    }
    for (const m of matches(file, file.masked.bare, ALARMS)) {
      report(file.path, `line ${m.line}: ${m.text}; alarms are for background code only`);
    }
  }
}

/** The DOM APIs that find or watch page elements (with the object they are called on, for the report). */
const PAGE_DOM =
  /(?:\b[\w$]+\s*\??\.\s*)?\b(?:querySelector(?:All)?|getElementById|getElementsBy(?:ClassName|TagName|Name)|shadowRoot|elements?FromPoint|MutationObserver)\b|\bdocument\s*\.\s*(?:body|documentElement)\b/g;

function pageDom(files: SourceFile[], report: Report): void {
  for (const file of files) {
    if (PAGE_DOM_FREE.some((entry) => under(file.path, entry)) || file.path in PAGE_DOM_ALLOWED) continue;
    for (const m of matches(file, file.masked.bare, PAGE_DOM)) {
      report(file.path, `line ${m.line}: ${m.text}; only utils/page-model reads the Partner Center DOM`);
    }
  }
}

const SENDER_FIELD = /\bsender\s*\??\.\s*(?:url|tab|origin|id|frameId)\b/g;
/** `({ data, sender }) =>`, `function f({ sender }: M)`, `const { sender } = message` (one level of nesting). */
const SENDER_DESTRUCTURED =
  /(?:[(,]|\b(?:const|let|var)\s)\s*\{(?:[^{}()]|\{[^{}()]*\})*\bsender\b(?:[^{}()]|\{[^{}()]*\})*\}\s*(?:\)\s*=>|:|=(?![=>]))/g;

function sender(files: SourceFile[], report: Report): void {
  for (const file of files) {
    if (file.path === TRUST_GATE) continue;
    const found = [
      ...[...matches(file, file.masked.bare, SENDER_FIELD)].map((m) => ({ ...m, what: `reads ${m.text}` })),
      ...[...matches(file, file.masked.bare, SENDER_DESTRUCTURED)].map((m) => ({
        ...m,
        what: 'destructures sender from a message',
      })),
    ].sort((a, b) => a.index - b.index);
    for (const m of found) report(file.path, `line ${m.line}: ${m.what}; only ${TRUST_GATE} reads a message's sender`);
  }
}

/** Beyond this many, one more violation says the rest were not listed. */
const MAX_CYCLES = 100;

function cycle(files: SourceFile[], report: Report): void {
  const graph = new Map(files.map((file) => [file.path, [...new Set(file.links.map((link) => link.target))].sort()]));
  const order = new Map([...graph.keys()].map((path, index) => [path, index]));
  const component = stronglyConnected(graph);
  let count = 0;
  // Each elementary cycle once: found from its first file in path order, through files after that one only.
  for (const [start, startIndex] of order) {
    const path = [start];
    const onPath = new Set(path);
    const walk = (node: string): void => {
      for (const next of graph.get(node) ?? []) {
        if (count > MAX_CYCLES) return;
        if (component.get(next) !== component.get(start) || (order.get(next) ?? -1) < startIndex) continue;
        if (next === start) {
          count++;
          if (count <= MAX_CYCLES) report(start, [...path, start].join(' → '));
          else report(start, `more than ${MAX_CYCLES} cycles: the rest are not listed`);
        } else if (!onPath.has(next)) {
          path.push(next);
          onPath.add(next);
          walk(next);
          onPath.delete(next);
          path.pop();
        }
      }
    };
    walk(start);
  }
}

/** Tarjan: each node → the id of its strongly connected component. */
function stronglyConnected(graph: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const component = new Map<string, number>();
  const stack: string[] = [];
  let counter = 0;
  let components = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (!component.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) === index.get(node)) {
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member !== undefined) component.set(member, components);
      } while (member !== undefined && member !== node);
      components++;
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return component;
}

function frontDoor(files: SourceFile[], report: Report): void {
  for (const file of files) {
    for (const link of file.links) {
      const domain = domainOf(link.target);
      if (!domain || domainOf(file.path) === domain) continue;
      if (link.target === `${domain}/index.ts`) continue;
      if (link.typeOnly && link.target === `${domain}/types.ts`) continue;
      const doors = link.typeOnly ? 'its index.ts (or types.ts, type-only)' : 'its index.ts';
      report(file.path, `line ${link.line}: imports ${link.target}; enter ${domain} through ${doors}`);
    }
  }
}

function componentImport(files: SourceFile[], report: Report): void {
  for (const file of files) {
    if (!file.path.startsWith('utils/') && !file.path.startsWith('config/')) continue;
    for (const link of file.links) {
      if (link.target.startsWith('components/') || link.target.startsWith('entrypoints/')) {
        report(file.path, `line ${link.line}: imports ${link.target}; utils/ and config/ must not depend on UI code`);
      }
    }
  }
}

const EXPORT_STATEMENT = /^[ \t]*export\b[^\n]*/gm;
const WXT_DEFAULT = /^export\s+default\s+define\w+\s*\(/;
const EXPORT_SUMMARY =
  /^export\s+(?:default\s+)?(?:declare\s+)?(?:async\s+)?(?:function\s*\*?\s*|const\s+|let\s+|var\s+|(?:abstract\s+)?class\s+|interface\s+|type\s+|enum\s+)?(?:[\w$]+|\{[^}]*\}|\*)?/;

function thinEntrypoint(files: SourceFile[], report: Report): void {
  for (const file of files) {
    if (!file.path.startsWith('entrypoints/')) continue;
    if (!ENTRYPOINT_FILES.some((pattern) => pattern.test(file.path))) {
      report(
        file.path,
        'is not an entrypoint (background.ts, <name>.content/index.tsx, <name>/main.tsx): move it to utils/ or components/',
      );
    }
    for (const m of file.masked.bare.matchAll(EXPORT_STATEMENT)) {
      const statement = m[0].trim();
      if (WXT_DEFAULT.test(statement)) continue;
      const summary = (EXPORT_SUMMARY.exec(statement)?.[0] ?? 'export').replace(/\s+/g, ' ').trim();
      report(
        file.path,
        `line ${lineAt(file.text, m.index)}: \`${summary}\`; an entrypoint exports only its WXT default (define…)`,
      );
    }
  }
}

const CHECKS: Readonly<Record<RuleId, (files: SourceFile[], report: Report) => void>> = {
  'run-context': runContext,
  'page-dom': pageDom,
  sender,
  cycle,
  'front-door': frontDoor,
  'component-import': componentImport,
  'thin-entrypoint': thinEntrypoint,
};

/** The violations of one rule (or of all of them), by file in path order, then in order of appearance. */
export function violations(tree: Tree, rule?: RuleId): Violation[] {
  const files = analyse(tree);
  const found: Violation[] = [];
  for (const id of rule ? [rule] : RULES) {
    CHECKS[id](files, (file, detail) => found.push({ rule: id, file, detail }));
  }
  return found;
}
