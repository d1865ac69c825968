import { afterEach, describe, expect, it, vi } from 'vitest';
import { extensionLifetime } from '@/utils/protocol/lifetime';

describe("a content script's lifetime", () => {
  afterEach(() => vi.useRealTimers());

  it('lasts while the extension lives, and ends on the first look after its runtime id is gone', () => {
    vi.useFakeTimers();
    let id: string | undefined = 'ours';
    const life = extensionLifetime(() => id !== undefined, 2_000);
    vi.advanceTimersByTime(60_000);
    expect(life.signal.aborted).toBe(false);
    expect(life.alive()).toBe(true);
    id = undefined;
    vi.advanceTimersByTime(2_000);
    expect(life.signal.aborted).toBe(true);
    expect(life.alive()).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ends at once when asked while the extension is gone, without waiting for the next look', () => {
    vi.useFakeTimers();
    const life = extensionLifetime(() => false, 2_000);
    expect(life.alive()).toBe(false);
    expect(life.signal.aborted).toBe(true);
  });

  it('a newer copy of our content script ends the older one; nothing outside our own global can', () => {
    vi.useFakeTimers();
    const scope = {};
    const older = extensionLifetime(() => true, 2_000, scope);
    const newer = extensionLifetime(() => true, 2_000, scope);
    expect(older.signal.aborted).toBe(true);
    expect(newer.signal.aborted).toBe(false);
    // Another global (the page's world) has no handle on it.
    extensionLifetime(() => true, 2_000, {});
    expect(newer.signal.aborted).toBe(false);
  });
});
