/**
 * `utils/strings.ts` holds every sentence the extension shows: each key is read by product code, each sentence
 * function gives a sentence for its arguments, and no sentence sits inline in the markup of `components/` or
 * `entrypoints/`. The checks are pure functions over text (`usage.ts`), run here on the real tree and, to show
 * they catch what they are for, on small synthetic inputs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemText, strings } from '@/utils/strings';
import { accessesIn, inlineText, type Leaf, leavesOf, literalsIn, type Sources, unusedLeaves } from './usage';

function read(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || /\.d\.ts$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name).replaceAll('\\', '/');
    files[path] = readFileSync(path, 'utf8');
  }
  return files;
}

const STRINGS_FILE = 'utils/strings.ts';
const product: Sources = { ...read('entrypoints'), ...read('components'), ...read('utils') };
// Codes that reach a code-keyed table: those product code names, and the Intake API's error codes (as the sandbox,
// which implements the contract, sends them).
const codeSources: Sources = {
  ...Object.fromEntries(Object.entries(product).filter(([path]) => path !== STRINGS_FILE)),
  ...read('sandbox/server'),
};

const accessesOf = (sources: Sources) => Object.entries(sources).flatMap(([path, text]) => accessesIn(path, text));
const codesOf = (sources: Sources) =>
  new Set(Object.entries(sources).flatMap(([path, text]) => [...literalsIn(path, text)]));

/** Arguments each sentence function is called with: every branch of its wording. */
const SAMPLES: Record<string, unknown[][]> = {
  'capture.sendTo': [['Contoso ISV']],
  'capture.sendAgainTo': [['Contoso ISV']],
  'capture.accountChanged': [['Contoso ISV', 'Fabrikam Consulting']],
  'capture.sendInsteadTo': [['Fabrikam Consulting']],
  'capture.clientId.question': [['0b5c8e4a-6f1d-4c2b-9a3e-7d8f9e0a1b2c', 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee']],
  'capture.clientId.pickApplicationPage': [['aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee']],
  'capture.clientId.pickKeyScreen': [['0b5c8e4a-6f1d-4c2b-9a3e-7d8f9e0a1b2c']],
  'capture.retrying': [['10:42:00'], [null]],
  'capture.deliveredDetail': [['Contoso ISV']],
  'capture.verified': [['Contoso ISV']],
  'popup.connectedTo': [['Contoso ISV']],
  'popup.details.keyExpires': [
    ['2027-01-31', 12],
    ['2027-01-31', 1],
    ['2027-01-31', -3],
  ],
  'popup.outbox.nextAttempt': [['10:42:00']],
  'notifications.expiryTitle': [[30], [7], [1]],
  'notifications.expiryMessage': [
    ['Stactize Connector', '2027-01-31'],
    [null, '2027-01-31'],
  ],
  'guide.stepOf': [[2, 5]],
  'guide.announce': [[2, 5, 'Open Account settings']],
  'guide.keyLine': [
    ['1/15/2025', '1/15/2027', 45],
    ['1/15/2025', '1/15/2027', 1],
    ['1/15/2025', '1/15/2027', 0],
    ['1/15/2025', '1/15/2027', -2],
    ['unknown date', 'unknown date', null],
  ],
};

const leaves = leavesOf(strings);
const key = (leaf: Leaf) => leaf.path.join('.');

describe('the sentences', () => {
  it('are non-empty strings or functions of sample arguments that give one, with every text argument in it', () => {
    const functions = leaves.filter((leaf) => typeof leaf.value === 'function').map(key);
    expect(functions.filter((path) => !(path in SAMPLES))).toEqual([]);
    expect(Object.keys(SAMPLES).filter((path) => !functions.includes(path))).toEqual([]);
    for (const leaf of leaves) {
      const sentences =
        typeof leaf.value === 'function'
          ? (SAMPLES[key(leaf)] ?? []).map((args) => {
              const sentence = (leaf.value as (...a: unknown[]) => unknown)(...args);
              for (const arg of args) if (typeof arg === 'string') expect(sentence, key(leaf)).toContain(arg);
              return sentence;
            })
          : [leaf.value];
      for (const sentence of sentences) {
        expect(typeof sentence, key(leaf)).toBe('string');
        expect((sentence as string).trim(), key(leaf)).toBe(sentence);
        expect(sentence, key(leaf)).not.toBe('');
        expect(sentence, key(leaf)).not.toMatch(/undefined|null|NaN|\[object/);
      }
    }
  });

  it('are each read by product code', () => {
    const unused = unusedLeaves(leaves, accessesOf(product), codesOf(codeSources));
    expect(unused).toEqual([]);
  });

  it('never sit inline in the markup of components/ or entrypoints/', () => {
    const found = Object.entries(product)
      .filter(([path]) => /^(?:components|entrypoints)\/.+\.tsx$/.test(path))
      .flatMap(([path, text]) => inlineText(path, text).map((line) => `${path}:${line}`));
    expect(found).toEqual([]);
  });
});

describe('problemText', () => {
  it('says what a known code means, and the fallback for any other, including prototype names', () => {
    expect(problemText('not_paired')).toBe(strings.problem.not_paired);
    expect(problemText('unavailable')).toBe(strings.problem.unavailable);
    for (const code of [
      'bad_response',
      'internal_error',
      '',
      '__proto__',
      'toString',
      'constructor',
      'hasOwnProperty',
    ]) {
      expect(problemText(code)).toBe(strings.problemFallback);
    }
  });
});

describe('the expiry reminder', () => {
  it('keeps the words the background shows', () => {
    const n = strings.notifications;
    expect([30, 7, 1].map((days) => n.expiryTitle(days))).toEqual([
      'Your Stactize key expires in 30 days',
      'Your Stactize key expires in 7 days',
      'Your Stactize key expires tomorrow',
    ]);
    expect(n.expiryMessage(null, '2027-01-31')).toBe(
      'The key of your application expires on 2027-01-31. Click to add a new key in Partner Center and send it to Stactize.',
    );
    expect(n.expiryMessage('Stactize Connector', '2027-01-31')).toMatch(/^The key of Stactize Connector expires on/);
  });
});

// The checks themselves, on synthetic input: each catches the violation it is for.
describe('the usage check', () => {
  const table = {
    title: 'Title',
    orphan: 'Nothing reads this',
    step: { title: 'Step', body: 'Body' },
    panel: { shown: 'Shown', hidden: 'Hidden' },
    codes: { produced: 'Produced', unreachable: 'No code produces this' },
    greet: (name: string) => `Hello ${name}`,
  };
  const sources: Sources = {
    'components/A.tsx': [
      "import { strings } from '@/utils/strings';",
      'const p = strings.panel;',
      '// strings.orphan is only named in a comment',
      'export const A = () => <h1 title={strings.title}>{p.shown}{strings.greet(name)}</h1>;',
    ].join('\n'),
    'utils/b.ts': [
      "import { strings } from '@/utils/strings';",
      'export const step = { text: strings.step };',
      "export const say = (code: string) => strings.codes[code] ?? 'unreachable is only a fallback value here';",
      "export const produce = () => 'produced';",
    ].join('\n'),
  };

  it('finds the keys nothing reads, through aliases, whole tables and code-keyed tables', () => {
    const accesses = accessesOf(sources);
    expect(accesses).toContainEqual({ path: ['codes'], indexed: true });
    expect(accesses).toContainEqual({ path: ['panel', 'shown'], indexed: false });
    expect(unusedLeaves(leavesOf(table), accesses, codesOf(sources))).toEqual([
      'orphan',
      'panel.hidden',
      'codes.unreachable',
    ]);
  });

  it('finds nothing when every key is read', () => {
    const all = { ...sources, 'utils/c.ts': "strings.orphan; strings.panel.hidden; f('unreachable');" };
    expect(unusedLeaves(leavesOf(table), accessesOf(all), codesOf(all))).toEqual([]);
  });
});

describe('the inline-text check', () => {
  it('reports words in JSX text, shown attributes and shown literals', () => {
    const tsx = [
      'export const A = () => (',
      '  <section aria-label="Stactize companion">',
      '    <h2>Send this key</h2>',
      '    <p>Next attempt at {time}</p>',
      "    <p>{ok ? 'Soon' : null}</p>",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a line of synthetic TSX, with a template in it.
      '    <button type="button">{`${t.send} again`}</button>',
      "    <p>{t.retrying(known ? time : 'at some point')}</p>",
      "    <p>{t.retrying(known ? time : 'soon')}</p>",
      '  </section>',
      ');',
    ].join('\n');
    expect(inlineText('components/A.tsx', tsx)).toEqual([
      '2: Stactize companion',
      '3: Send this key',
      '4: Next attempt at',
      '5: Soon',
      '6: {…} again',
      '7: at some point',
      '8: soon',
    ]);
  });

  it('leaves alone markup whose words come from strings, codes, class names and TypeScript', () => {
    const tsx = [
      'const ref = useRef<HTMLDivElement>(null);',
      'const more = count > 1 && count < limit;',
      'export const A = ({ state }: { state: Map<string, Set<string>> }) => (',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a line of synthetic TSX, with a template in it.
      '  <div className="panel guide" role="status" aria-describedby={`confirm-${id}`}>',
      "    {state === 'delivered' && <strong>{t.delivered}</strong>}",
      '    <span> · {t.sending}</span>',
      "    <p>{t.failed[failure ?? 'sealing_failed']}</p>",
      '    {/* a comment with Words in it */}',
      '  </div>',
      ');',
    ].join('\n');
    expect(inlineText('components/A.tsx', tsx)).toEqual([]);
  });
});
