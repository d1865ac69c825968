import { describe, expect, it, vi } from 'vitest';
import { buildError, withoutStackFrames } from '../../../scripts/lib/build';
import { firstLine, StartError } from '../../../scripts/lib/errors';
import { canon, describeState, stateMatches } from '../../../scripts/lib/page-state';

vi.mock('../../../test/e2e/harness/browser', async (original) => {
  const actual = await original<typeof import('../../../test/e2e/harness/browser')>();
  return {
    ...actual,
    findChromium: () => {
      throw new Error(actual.INSTALL_HINT);
    },
  };
});

describe('npm start messages', () => {
  it('a missing Chromium is one StartError line with the install hint', async () => {
    const { chromiumPath } = await import('../../../scripts/lib/session');
    const { INSTALL_HINT } = await import('../../../test/e2e/harness/browser');
    expect(() => chromiumPath()).toThrow(StartError);
    expect(() => chromiumPath()).toThrow(INSTALL_HINT);
  });

  it("a failed build is summed up by WXT's ERROR line, colours removed", () => {
    const output =
      'WXT 0.20.27\n✖ Command failed\n\n \u001b[41m ERROR \u001b[49m WXT_STACTIZE_API_URL must be https\n    at x (y.mjs:1:2)\n';
    expect(buildError(output)).toBe('WXT_STACTIZE_API_URL must be https');
    expect(buildError('vite: something else broke\n')).toBeNull();
    expect(withoutStackFrames('boom\n    at a (b:1:1)\n    at c (d:2:2)\nend')).toBe('boom\nend');
  });

  it('firstLine keeps only the first line of an error', () => {
    expect(firstLine(new Error('page.goto: net::ERR\nCall log:\n  - navigating'))).toBe('page.goto: net::ERR');
    expect(firstLine('plain')).toBe('plain');
  });
});

describe("the overlay's data-page-state", () => {
  const raw = JSON.stringify({
    kind: 'tenants',
    view: 'list',
    tenants: [{ name: 'Contoso', id: 'a', domain: 'contoso.onmicrosoft.com' }],
    keyPresent: false,
  });

  it('matches on the expected fields only, whatever the key order', () => {
    expect(stateMatches(raw, { kind: 'tenants' })).toBe(true);
    expect(
      stateMatches(raw, {
        kind: 'tenants',
        tenants: [{ domain: 'contoso.onmicrosoft.com', id: 'a', name: 'Contoso' }],
      }),
    ).toBe(true);
    expect(stateMatches(raw, { kind: 'tenants', view: 'create' })).toBe(false);
    expect(stateMatches(raw, { tenants: [] })).toBe(false);
    expect(stateMatches(null, { kind: 'tenants' })).toBe(false);
    expect(stateMatches('not json', { kind: 'tenants' })).toBe(false);
    expect(canon({ b: 1, a: [2, { d: 3, c: null }] })).toBe('{"a":[2,{"c":null,"d":3}],"b":1}');
  });

  it('is described in one line for the report', () => {
    expect(describeState(raw)).toBe('kind tenants, view list, 1 tenants');
    expect(
      describeState(
        JSON.stringify({ kind: 'keyScreen', keyStatus: 'captured', keyShape: 'current', keyLength: 40, appName: null }),
      ),
    ).toBe('kind keyScreen, keyStatus captured, keyShape current, keyLength 40');
  });
});
