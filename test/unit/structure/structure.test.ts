/**
 * The shape of the code, checked on the real source tree (in the spirit of refined-github's
 * build/features.test.ts). Each rule runs three times: on the real tree (a failure lists every offender), on a
 * small clean tree (it must report nothing) and on the clean tree plus one deliberate violation (it must report
 * exactly that one). The rule engine is ./rules.ts.
 *
 * Rooms (where code runs):
 *   content     entrypoints/partner-center.content, components/overlay, utils/page-model, utils/guidance, utils/vault
 *   background  entrypoints/background.ts, utils/delivery
 *   popup       entrypoints/popup, components/popup
 *   shared      utils/shapes, utils/protocol, utils/storage.ts, utils/strings.ts, utils/config.ts, config/
 *
 * Rules:
 *   run-context       value imports stay in their run context (own + shared; shared: shared only); type-only
 *                     imports are exempt. 'session:' storage keys and browser.alarms are background-only. Every
 *                     product file is in a room.
 *   page-dom          only utils/page-model reads the Partner Center DOM (components/ and entrypoints/ render ours).
 *   sender            only utils/protocol/trust-gate.ts reads a message's sender.
 *   cycle             no import cycles between product files, type-only imports included.
 *   front-door        from outside a domain, import its index.ts (or, type-only, its types.ts).
 *   component-import  utils/ and config/ never import components/ or entrypoints/.
 *   thin-entrypoint   entrypoints/ holds only entrypoints, and they export only their WXT default.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { isProductFile, parseImports, resolveImport, type Tree, violations } from './rules';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const realTree: Tree = Object.fromEntries(
  ['entrypoints', 'components', 'utils', 'config'].flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .map((entry) => `${dir}/${entry.split(sep).join('/')}`)
      .filter(isProductFile)
      .map((path) => [path, readFileSync(join(ROOT, path), 'utf8')]),
  ),
);

/** A file's text, one argument per line. */
const src = (...lines: string[]) => lines.join('\n');

describe('the real tree', () => {
  it('is read: the entrypoints and the domains are there', () => {
    expect(Object.keys(realTree)).toEqual(
      expect.arrayContaining([
        'entrypoints/background.ts',
        'entrypoints/partner-center.content/index.tsx',
        'entrypoints/popup/main.tsx',
        'utils/page-model/index.ts',
        'utils/protocol/trust-gate.ts',
      ]),
    );
  });
});

describe('reading imports', () => {
  it('finds every kind of import and tells type-only ones apart', () => {
    const text = src(
      "import { a } from './a';",
      "import type { B } from './b';",
      "import { type C, type D } from './c';",
      "import { type E, f } from './e';",
      "import G, { type H } from './g';",
      "import * as z from 'zod/mini';",
      "import './side-effect';",
      "export { i } from './i';",
      "export type { J } from './j';",
      "export * from './k';",
      "const l = await import('./l');",
      "type M = import('./m').M;",
      "import('./n').then(run);",
      "// import { o } from './commented-out';",
      'const hint = "import(\'./in-a-string\')";',
      'const page = `',
      "import { p } from './in-a-template';",
      '`;',
      'import {',
      '  q,',
      '  type R,',
      "} from './multi-line';",
    );
    expect(
      parseImports(text).map(({ line, specifier, typeOnly }) => `${line} ${specifier}${typeOnly ? ' type' : ''}`),
    ).toEqual([
      '1 ./a',
      '2 ./b type',
      '3 ./c type',
      '4 ./e',
      '5 ./g',
      '6 zod/mini',
      '7 ./side-effect',
      '8 ./i',
      '9 ./j type',
      '10 ./k',
      '11 ./l',
      '12 ./m type',
      '13 ./n',
      '19 ./multi-line',
    ]);
  });

  it('finds the same imports as TypeScript in every real file', () => {
    for (const [path, text] of Object.entries(realTree)) {
      const typescript = ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName);
      expect(
        parseImports(text)
          .map((parsed) => parsed.specifier)
          .sort(),
        path,
      ).toEqual(typescript.sort());
    }
  });

  it('resolves @/ and relative paths to files of the tree; packages, #imports and ?inline CSS are external', () => {
    const files = new Set(['utils/a.ts', 'utils/b/index.ts', 'utils/c/index.tsx', 'components/D.tsx']);
    expect(resolveImport('utils/x.ts', '@/utils/a', files)).toBe('utils/a.ts');
    expect(resolveImport('utils/x.ts', '@/utils/a.ts', files)).toBe('utils/a.ts');
    expect(resolveImport('utils/x.ts', './b', files)).toBe('utils/b/index.ts');
    expect(resolveImport('utils/x.ts', './c', files)).toBe('utils/c/index.tsx');
    expect(resolveImport('utils/b/index.ts', '../../components/D', files)).toBe('components/D.tsx');
    expect(resolveImport('utils/x.ts', '#imports', files)).toBeNull();
    expect(resolveImport('utils/x.ts', 'zod/mini', files)).toBeNull();
    expect(resolveImport('utils/x.ts', './style.css?inline', files)).toBeNull();
  });
});

describe('run-context', () => {
  const clean: Tree = {
    'entrypoints/partner-center.content/index.tsx': src(
      "import { strings } from '@/utils/strings';",
      "import type { Outbox } from '@/utils/delivery/outbox';", // type-only: erased at build
    ),
    'entrypoints/background.ts': src(
      "import { strings } from '@/utils/strings';",
      "import { outboxItem } from '@/utils/delivery/outbox';",
      "browser.alarms.create('deliver', { when: 0 });",
    ),
    'entrypoints/popup/main.tsx': "import { strings } from '@/utils/strings';",
    'utils/delivery/outbox.ts': "export const outboxItem = storage.defineItem('session:outbox');",
    'utils/strings.ts': "// 'session:' keys and browser.alarms belong to the background\nexport const strings = {};",
  };

  it('holds in the real tree', () => {
    expect(violations(realTree, 'run-context')).toEqual([]);
  });

  it('passes a clean tree', () => {
    expect(violations(clean, 'run-context')).toEqual([]);
  });

  it('reports a value import of another context', () => {
    const tree = {
      ...clean,
      'components/overlay/Overlay.tsx': "import { outboxItem } from '@/utils/delivery/outbox';",
    };
    expect(violations(tree, 'run-context')).toEqual([
      {
        rule: 'run-context',
        file: 'components/overlay/Overlay.tsx',
        detail:
          'line 1: value import of utils/delivery/outbox.ts (background); content code may load only content and shared code',
      },
    ]);
  });

  it('reports content code that loads storage.ts (closed to content scripts)', () => {
    const tree = {
      ...clean,
      'utils/storage.ts': 'export const guideProgressItem = {};',
      'utils/guidance/tour.ts': "import { guideProgressItem } from '@/utils/storage';",
    };
    expect(violations(tree, 'run-context')).toEqual([
      {
        rule: 'run-context',
        file: 'utils/guidance/tour.ts',
        detail: 'line 1: value import of utils/storage.ts; content code asks the background instead',
      },
    ]);
  });

  it("reports a 'session:' storage key outside the background", () => {
    const tree = { ...clean, 'utils/storage.ts': "export const tabs = storage.defineItem('session:tabs');" };
    expect(violations(tree, 'run-context')).toEqual([
      {
        rule: 'run-context',
        file: 'utils/storage.ts',
        detail: "line 1: a 'session:' storage key; session storage is for background code only",
      },
    ]);
  });

  it('reports alarms outside the background', () => {
    const tree = { ...clean, 'components/popup/Popup.tsx': "void chrome.alarms.clear('deliver');" };
    expect(violations(tree, 'run-context')).toEqual([
      {
        rule: 'run-context',
        file: 'components/popup/Popup.tsx',
        detail: 'line 1: chrome.alarms; alarms are for background code only',
      },
    ]);
  });

  it('reports a product file in no room', () => {
    const tree = { ...clean, 'utils/helpers.ts': 'export const x = 1;' };
    expect(violations(tree, 'run-context')).toEqual([
      {
        rule: 'run-context',
        file: 'utils/helpers.ts',
        detail: 'is in no run context: add its folder to ROOMS in test/unit/structure/rules.ts',
      },
    ]);
  });
});

describe('page-dom', () => {
  const clean: Tree = {
    'utils/page-model/dom.ts': 'export const find = (selector: string) => document.querySelectorAll(selector);',
    'components/overlay/Overlay.tsx': 'export const host = () => document.body;', // our own UI
    'utils/guidance/anchor.ts': 'export const place = (target: Element) => target.getBoundingClientRect();',
    'utils/strings.ts': "// not document.querySelector\nexport const strings = { hint: 'the shadowRoot' };",
  };

  it('holds in the real tree', () => {
    expect(violations(realTree, 'page-dom')).toEqual([]);
  });

  it('passes a clean tree', () => {
    expect(violations(clean, 'page-dom')).toEqual([]);
  });

  it('reports the page read outside utils/page-model', () => {
    const tree = { ...clean, 'utils/guidance/tour.ts': "const button = document.querySelector('#add-key');" };
    expect(violations(tree, 'page-dom')).toEqual([
      {
        rule: 'page-dom',
        file: 'utils/guidance/tour.ts',
        detail: 'line 1: document.querySelector; only utils/page-model reads the Partner Center DOM',
      },
    ]);
  });
});

describe('sender', () => {
  const clean: Tree = {
    'utils/protocol/trust-gate.ts':
      'export const fromOwnExtension = (sender: Sender) => sender.id === browser.runtime.id;',
    'entrypoints/background.ts': 'messenger.onMessage(type, (message) => admit(type, message.data, message.sender));',
    'components/popup/Popup.tsx': '// sender.id is for the gate\nconst senderKind = view.from;',
  };

  it('holds in the real tree', () => {
    expect(violations(realTree, 'sender')).toEqual([]);
  });

  it('passes a clean tree', () => {
    expect(violations(clean, 'sender')).toEqual([]);
  });

  it('reports a sender field read outside the trust gate', () => {
    const tree = { ...clean, 'utils/vault/capture.ts': 'export const own = (message: M) => message.sender.id === ID;' };
    expect(violations(tree, 'sender')).toEqual([
      {
        rule: 'sender',
        file: 'utils/vault/capture.ts',
        detail: "line 1: reads sender.id; only utils/protocol/trust-gate.ts reads a message's sender",
      },
    ]);
  });

  it('reports a sender destructured from a message outside the trust gate', () => {
    const tree = {
      ...clean,
      'entrypoints/partner-center.content/index.tsx':
        "onMessage('captureChanged', ({ data, sender }) => on(data, sender));",
    };
    expect(violations(tree, 'sender')).toEqual([
      {
        rule: 'sender',
        file: 'entrypoints/partner-center.content/index.tsx',
        detail:
          "line 1: destructures sender from a message; only utils/protocol/trust-gate.ts reads a message's sender",
      },
    ]);
  });
});

describe('cycle', () => {
  const clean: Tree = {
    'utils/shapes/a.ts': "import { b } from './b';",
    'utils/shapes/b.ts': "import type { C } from './c';",
    'utils/shapes/c.ts': 'export type C = string;',
  };

  it('holds in the real tree', () => {
    expect(violations(realTree, 'cycle')).toEqual([]);
  });

  it('passes a clean tree', () => {
    expect(violations(clean, 'cycle')).toEqual([]);
  });

  it('reports a cycle once, even one closed by a type-only import', () => {
    const tree = { ...clean, 'utils/shapes/c.ts': "import type { A } from './a';" };
    expect(violations(tree, 'cycle')).toEqual([
      {
        rule: 'cycle',
        file: 'utils/shapes/a.ts',
        detail: 'utils/shapes/a.ts → utils/shapes/b.ts → utils/shapes/c.ts → utils/shapes/a.ts',
      },
    ]);
  });
});

describe('front-door', () => {
  const clean: Tree = {
    'utils/vault/index.ts': "export { seal } from './sealing';",
    'utils/vault/sealing.ts': "import type { Jwk } from './types';", // inside the domain: free
    'utils/vault/types.ts': 'export interface Jwk {}',
    'entrypoints/partner-center.content/index.tsx': src(
      "import { seal } from '@/utils/vault';",
      "import type { Jwk } from '@/utils/vault/types';",
    ),
    'test/unit/vault/sealing.test.ts': "import { seal } from '@/utils/vault/sealing';", // tests are not checked
  };

  it('holds in the real tree', () => {
    expect(violations(realTree, 'front-door')).toEqual([]);
  });

  it('passes a clean tree', () => {
    expect(violations(clean, 'front-door')).toEqual([]);
  });

  it("reports an import of a domain's inside", () => {
    const tree = { ...clean, 'components/overlay/Overlay.tsx': "import type { seal } from '@/utils/vault/sealing';" };
    expect(violations(tree, 'front-door')).toEqual([
      {
        rule: 'front-door',
        file: 'components/overlay/Overlay.tsx',
        detail:
          'line 1: imports utils/vault/sealing.ts; enter utils/vault through its index.ts (or types.ts, type-only)',
      },
    ]);
  });

  it('reports a value import through types.ts', () => {
    const tree = { ...clean, 'utils/guidance/tour.ts': "import { Jwk } from '../vault/types';" };
    expect(violations(tree, 'front-door')).toEqual([
      {
        rule: 'front-door',
        file: 'utils/guidance/tour.ts',
        detail: 'line 1: imports utils/vault/types.ts; enter utils/vault through its index.ts',
      },
    ]);
  });
});

describe('component-import', () => {
  const clean: Tree = {
    'components/overlay/CapturePanel.tsx': "import { strings } from '@/utils/strings';",
    'entrypoints/partner-center.content/index.tsx': "import { Overlay } from '@/components/overlay/Overlay';",
    'components/overlay/Overlay.tsx': "import { CapturePanel } from './CapturePanel';",
    'utils/strings.ts': 'export const strings = {};',
  };

  it('holds in the real tree', () => {
    expect(violations(realTree, 'component-import')).toEqual([]);
  });

  it('passes a clean tree', () => {
    expect(violations(clean, 'component-import')).toEqual([]);
  });

  it('reports utils/ importing a component, even type-only', () => {
    const tree = {
      ...clean,
      'utils/vault/reading.ts': "import type { Choice } from '@/components/overlay/CapturePanel';",
    };
    expect(violations(tree, 'component-import')).toEqual([
      {
        rule: 'component-import',
        file: 'utils/vault/reading.ts',
        detail: 'line 1: imports components/overlay/CapturePanel.tsx; utils/ and config/ must not depend on UI code',
      },
    ]);
  });
});

describe('thin-entrypoint', () => {
  const clean: Tree = {
    'entrypoints/background.ts': 'function wire() {}\nexport default defineBackground(() => wire());',
    'entrypoints/partner-center.content/index.tsx': 'export default defineContentScript({ matches: [], main() {} });',
    'entrypoints/popup/main.tsx': 'createRoot(root).render(<Popup />);',
    'entrypoints/popup/index.html': '<script type="module" src="./main.tsx"></script>', // not code
  };

  it('holds in the real tree', () => {
    expect(violations(realTree, 'thin-entrypoint')).toEqual([]);
  });

  it('passes a clean tree', () => {
    expect(violations(clean, 'thin-entrypoint')).toEqual([]);
  });

  it('reports an exported helper', () => {
    const tree = {
      ...clean,
      'entrypoints/background.ts': 'export function reinject() {}\nexport default defineBackground(() => {});',
    };
    expect(violations(tree, 'thin-entrypoint')).toEqual([
      {
        rule: 'thin-entrypoint',
        file: 'entrypoints/background.ts',
        detail: 'line 1: `export function reinject`; an entrypoint exports only its WXT default (define…)',
      },
    ]);
  });

  it('reports a code file that is not an entrypoint', () => {
    const tree = { ...clean, 'entrypoints/popup/actions.ts': 'const actions = {};' };
    expect(violations(tree, 'thin-entrypoint')).toEqual([
      {
        rule: 'thin-entrypoint',
        file: 'entrypoints/popup/actions.ts',
        detail:
          'is not an entrypoint (background.ts, <name>.content/index.tsx, <name>/main.tsx): move it to utils/ or components/',
      },
    ]);
  });
});
