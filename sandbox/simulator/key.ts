/**
 * Keys the Partner Center simulator shows on its key screen: random, in the current Entra client-secret shape
 * (REFERENCE.md: 3 URL-unreserved characters, `8Q~`, 34 more; 40 in all). Fresh on every request.
 */
import { randomInt } from 'node:crypto';

export const URL_UNRESERVED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';

/** The current shape, exactly. */
export const CURRENT_KEY_SHAPE = /^[A-Za-z0-9\-._~]{3}8Q~[A-Za-z0-9\-._~]{34}$/;

/** `pick(n)` returns an integer in [0, n); injectable so tests can drive the edges. */
export function newSimulatorKey(pick: (n: number) => number = randomInt): string {
  const chars = (count: number, alphabet: string) =>
    Array.from({ length: count }, () => alphabet[pick(alphabet.length)]).join('');
  // No `~` in the first three: the marker's `~` is the 6th character, and a second one that early only muddies it.
  return `${chars(3, URL_UNRESERVED.replace('~', ''))}8Q~${chars(34, URL_UNRESERVED)}`;
}
