/**
 * An expiry learned from the application page after the capture: only for that application's capture made
 * today without one, only a plausible key lifetime, and never by rewriting a request body already sent.
 */
import { describe, expect, it } from 'vitest';
import { learnInDeliveries, learnInOutbox, withLearnedExpiry } from '@/utils/delivery/learned-expiry';
import { addCapture, type Outbox, type OutboxEntry } from '@/utils/delivery/outbox';
import type { ConnectionSnapshot, Delivery } from '@/utils/delivery/types';
import { localDay } from '@/utils/shapes';
import { listedExpiryFor } from '@/utils/vault';
import { CAPTURE, CLIENT, TENANT } from '../helpers';

const NOW = new Date(2026, 11, 1, 15, 30).getTime(); // local afternoon, 1 Dec 2026
const TODAY = localDay(NOW);
const listed = { clientId: CLIENT, createdOn: TODAY, keyExpiresAt: '2028-12-01' };
const client = { name: 'stactize-partner-center-companion', version: '0.1.0', browser: 'chrome' } as const;

/** An entry as the outbox makes it from a stored capture, then changed as a test needs. */
const entry = (over: Partial<OutboxEntry> = {}): OutboxEntry => {
  const added = addCapture(
    {},
    {
      captureId: CAPTURE,
      tenantId: TENANT,
      clientId: CLIENT,
      applicationName: 'App',
      keyExpiresAt: null,
      capturedAt: new Date(NOW - 60_000).toISOString(),
      sealed: 'a.b.c.d.e',
      kid: 'k',
      confidence: 'high',
      clientIdMismatch: false,
      secretSha256: 'ab'.repeat(32),
    },
  )[CAPTURE] as OutboxEntry;
  return { ...added, ...over };
};
const delivery = (over: Partial<Delivery> = {}): Delivery => ({
  captureId: CAPTURE,
  credentialId: 'cred_1',
  tenantId: TENANT,
  clientId: CLIENT,
  applicationName: 'App',
  keyExpiresAt: null,
  deliveredAt: new Date(NOW - 30_000).toISOString(),
  accountName: 'Contoso',
  ...over,
});

describe('an expiry learned from the application page', () => {
  it('fills an unsent capture of that application made today', () => {
    const outbox: Outbox = { [CAPTURE]: entry() };
    expect(learnInOutbox(outbox, listed, NOW)[CAPTURE]?.keyExpiresAt).toBe('2028-12-01');
  });

  it('leaves alone a capture already sent (its body is frozen), of another app, of another day, or with a date', () => {
    for (const other of [
      entry({ client }),
      entry({ clientId: 'bbbbbbbb-bbbb-cccc-dddd-eeeeeeeeeeee' }),
      entry({ capturedAt: new Date(NOW - 2 * 86_400_000).toISOString() }),
      entry({ keyExpiresAt: '2027-06-01' }),
    ]) {
      const outbox: Outbox = { [CAPTURE]: other };
      expect(learnInOutbox(outbox, listed, NOW)).toBe(outbox);
    }
  });

  it('refuses what a page could plant: a key "created" another day, an expiry in the past or beyond 24 months', () => {
    const outbox: Outbox = { [CAPTURE]: entry() };
    for (const bad of [
      { ...listed, createdOn: '2026-11-30' },
      { ...listed, keyExpiresAt: '2026-11-30' },
      { ...listed, keyExpiresAt: '2030-01-01' },
    ]) {
      expect(learnInOutbox(outbox, bad, NOW)).toBe(outbox);
      const deliveries = [delivery()];
      expect(learnInDeliveries(deliveries, bad, NOW)).toBe(deliveries);
    }
  });

  it('notes it on today’s delivery, and the connection shows it where Stactize had none', () => {
    const learned = learnInDeliveries([delivery(), delivery({ captureId: 'other', clientId: TENANT })], listed, NOW);
    expect(learned.map((d) => d.keyExpiresAt)).toEqual(['2028-12-01', null]);
    const credential = {
      captureId: CAPTURE,
      credentialId: 'cred_1',
      tenantId: TENANT,
      clientId: CLIENT,
      applicationName: 'App',
      keyExpiresAt: null,
      status: 'verified' as const,
      receivedAt: '2026-12-01T14:30:00Z',
    };
    const snapshot = {
      connection: { account: { id: 'a', name: 'Contoso' }, credential },
      fetchedAt: null,
      problem: null,
    } as unknown as ConnectionSnapshot;
    expect(withLearnedExpiry(snapshot, learned).connection?.credential?.keyExpiresAt).toBe('2028-12-01');
    // What Stactize says wins; another capture's note is not this credential's.
    const said = {
      ...snapshot,
      connection: { ...snapshot.connection, credential: { ...credential, keyExpiresAt: '2027-01-01' } },
    };
    expect(withLearnedExpiry(said as ConnectionSnapshot, learned)).toBe(said);
    expect(withLearnedExpiry(snapshot, [delivery({ captureId: 'other', keyExpiresAt: '2028-12-01' })])).toBe(snapshot);
  });

  it('is read from the application page only when exactly one listed key was created today', () => {
    const page = {
      kind: 'applicationPage' as const,
      url: 'https://partner.microsoft.com/dashboard/account/v3/usermanagement#apps',
      appName: 'App',
      tenantId: TENANT,
      clientId: CLIENT,
      canAddKey: true,
      keys: [
        { created: '2025-01-15', expires: '2027-01-15', createdText: '', expiresText: '' },
        { created: TODAY, expires: '2028-12-01', createdText: '', expiresText: '' },
      ],
    };
    expect(listedExpiryFor(page, TODAY)).toEqual(listed);
    // Two keys made today: which one was captured is not known.
    expect(listedExpiryFor({ ...page, keys: [...page.keys, page.keys[1] as never] }, TODAY)).toBeNull();
    // None made today: an older key's date is never taken.
    expect(listedExpiryFor({ ...page, keys: page.keys.slice(0, 1) }, TODAY)).toBeNull();
  });
});
