/** The retry policy: full-jitter exponential backoff with a floor, a cap, and Retry-After as a minimum. */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { MIN_RETRY_DELAY_MS, nextRetryDelayMs } from '../../../utils/delivery/backoff';

const CAP = 15 * 60_000;
const fixed = (value: number) => () => value;

describe('nextRetryDelayMs', () => {
  it('draws uniformly below base · 2^attempt', () => {
    expect(nextRetryDelayMs({ attempt: 0, random: fixed(0.75) })).toBe(1500);
    expect(nextRetryDelayMs({ attempt: 3, random: fixed(0.5) })).toBe(8000);
    expect(nextRetryDelayMs({ attempt: 5, random: fixed(0.25), baseMs: 1000 })).toBe(8000);
  });

  it('stops growing at the cap', () => {
    expect(nextRetryDelayMs({ attempt: 20, random: fixed(0.5) })).toBe(CAP / 2);
    expect(nextRetryDelayMs({ attempt: 5000, random: fixed(0.999) })).toBeLessThan(CAP);
    expect(nextRetryDelayMs({ attempt: 4, random: fixed(0.5), capMs: 10_000 })).toBe(5000);
  });

  it('never goes below the floor', () => {
    expect(nextRetryDelayMs({ attempt: 0, random: fixed(0) })).toBe(MIN_RETRY_DELAY_MS);
    expect(nextRetryDelayMs({ attempt: 0, random: fixed(0.1) })).toBe(MIN_RETRY_DELAY_MS);
  });

  it('waits at least Retry-After, even beyond the cap', () => {
    expect(nextRetryDelayMs({ attempt: 0, random: fixed(0.5), retryAfterMs: 30_000 })).toBe(30_000);
    expect(nextRetryDelayMs({ attempt: 3, random: fixed(0.5), retryAfterMs: 0 })).toBe(8000);
    expect(nextRetryDelayMs({ attempt: 30, random: fixed(0.1), retryAfterMs: 3_600_000 })).toBe(3_600_000);
    expect(nextRetryDelayMs({ attempt: 0, random: fixed(0.5), retryAfterMs: 1500.2 })).toBe(1501);
  });

  it('survives odd inputs', () => {
    for (const random of [fixed(1), fixed(-1), fixed(Number.NaN), fixed(2)]) {
      const delay = nextRetryDelayMs({ attempt: 2, random });
      expect(delay).toBeGreaterThanOrEqual(MIN_RETRY_DELAY_MS);
      expect(delay).toBeLessThanOrEqual(8000);
    }
    expect(nextRetryDelayMs({ attempt: -3, random: fixed(0.75) })).toBe(1500);
    expect(nextRetryDelayMs({ attempt: Number.NaN, random: fixed(0.75) })).toBe(1500);
    expect(nextRetryDelayMs({ attempt: 2, random: fixed(0.5), capMs: Number.NaN })).toBe(MIN_RETRY_DELAY_MS);
    expect(nextRetryDelayMs({ attempt: 2, random: fixed(0.5), retryAfterMs: Number.NaN })).toBe(4000);
  });

  it('uses Math.random by default, once per call', () => {
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.75);
    expect(nextRetryDelayMs({ attempt: 1 })).toBe(3000);
    expect(random).toHaveBeenCalledOnce();
  });

  it('keeps its bounds for any attempt, random draw, base, cap and Retry-After', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.integer({ min: 1, max: 24 * 3_600_000 }),
        fc.option(fc.integer({ min: 0, max: 2 * 3_600_000 }), { nil: undefined }),
        (attempt, draw, baseMs, capMs, retryAfterMs) => {
          const delay = nextRetryDelayMs({ attempt, random: () => draw, baseMs, capMs, retryAfterMs });
          expect(Number.isInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(MIN_RETRY_DELAY_MS);
          if (retryAfterMs !== undefined) expect(delay).toBeGreaterThanOrEqual(retryAfterMs);
          expect(delay).toBeLessThanOrEqual(Math.max(capMs, MIN_RETRY_DELAY_MS, retryAfterMs ?? 0));
          if (retryAfterMs === undefined || retryAfterMs <= MIN_RETRY_DELAY_MS) {
            expect(delay).toBeLessThanOrEqual(Math.max(MIN_RETRY_DELAY_MS, Math.min(capMs, baseMs * 2 ** attempt)));
          }
        },
      ),
    );
  });

  it('takes its randomness from the injected source only, one draw per call', () => {
    const mathRandom = vi.spyOn(Math, 'random');
    fc.assert(
      fc.property(fc.nat(100), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, draw) => {
        const random = vi.fn(() => draw);
        nextRetryDelayMs({ attempt, random });
        expect(random).toHaveBeenCalledOnce();
      }),
    );
    expect(mathRandom).not.toHaveBeenCalled();
  });

  it('never waits less for a higher draw or a later attempt', () => {
    fc.assert(
      fc.property(
        fc.nat(60),
        fc.nat(60),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b, x, y) => {
          const [early, late] = a <= b ? [a, b] : [b, a];
          const [low, high] = x <= y ? [x, y] : [y, x];
          const delay = (attempt: number, draw: number) => nextRetryDelayMs({ attempt, random: () => draw });
          expect(delay(early, high)).toBeLessThanOrEqual(delay(late, high));
          expect(delay(late, low)).toBeLessThanOrEqual(delay(late, high));
        },
      ),
    );
  });
});
