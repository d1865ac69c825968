import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENT_KEY_SHAPE, newSimulatorKey, URL_UNRESERVED } from '../../../sandbox/simulator/key';

describe('simulator keys', () => {
  it('have the current Entra shape: 3 URL-unreserved chars, 8Q~, 34 more', () => {
    for (let i = 0; i < 200; i++) {
      const key = newSimulatorKey();
      expect(key).toHaveLength(40);
      expect(key).toMatch(CURRENT_KEY_SHAPE);
      expect(key.slice(3, 6)).toBe('8Q~');
      expect(key.slice(0, 3)).not.toContain('~');
    }
  });

  it('are different every time', () => {
    const keys = new Set(Array.from({ length: 100 }, () => newSimulatorKey()));
    expect(keys.size).toBe(100);
  });

  it('keep the shape whatever the random source picks', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 37, maxLength: 37 }), (picks) => {
        let i = 0;
        const key = newSimulatorKey((n) => (picks[i++] ?? 0) % n);
        return CURRENT_KEY_SHAPE.test(key) && [...key].every((c) => URL_UNRESERVED.includes(c));
      }),
    );
  });

  it('the shape refuses the older and legacy shapes', () => {
    expect(CURRENT_KEY_SHAPE.test(`Abc7Q~${'x'.repeat(31)}`)).toBe(false);
    expect(CURRENT_KEY_SHAPE.test('a'.repeat(34))).toBe(false);
    expect(CURRENT_KEY_SHAPE.test(`Abc8Q~${'x'.repeat(33)}`)).toBe(false);
    expect(CURRENT_KEY_SHAPE.test(`Ab/8Q~${'x'.repeat(34)}`)).toBe(false);
  });
});
