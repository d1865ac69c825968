import { describe, expect, it } from 'vitest';
import { daysLeft, dueReminder, expiringSoon } from '@/utils/shapes/expiry';

const day = 86_400_000;
const expires = '2027-01-31';
const at = (daysBefore: number) => Date.parse(`${expires}T00:00:00Z`) - daysBefore * day;

describe('key expiry reminders', () => {
  it('counts whole days left', () => {
    expect(daysLeft(expires, at(30))).toBe(30);
    expect(daysLeft(expires, at(29.5))).toBe(30);
    expect(daysLeft(expires, at(-1))).toBe(-1);
  });

  it('reminds 30, 7 and 1 days before, once each', () => {
    const shown: number[] = [];
    const timeline = [45, 31, 30, 29, 8, 7, 6, 2, 1, 0.5].map((d) => {
      const reminder = dueReminder(expires, at(d), shown);
      if (reminder !== null) shown.push(reminder);
      return reminder;
    });
    expect(timeline).toEqual([null, null, 30, null, null, 7, null, null, 1, null]);
  });

  it('does not show a skipped reminder late, nor any after expiry', () => {
    expect(dueReminder(expires, at(5), [])).toBe(7);
    expect(dueReminder(expires, at(5), [7])).toBeNull();
    expect(dueReminder(expires, at(-2), [])).toBeNull();
    expect(dueReminder('not a date', at(1), [])).toBeNull();
  });

  it('flags keys within 30 days for the badge', () => {
    expect(expiringSoon(expires, at(31))).toBe(false);
    expect(expiringSoon(expires, at(30))).toBe(true);
    expect(expiringSoon(null, at(1))).toBe(false);
  });
});
