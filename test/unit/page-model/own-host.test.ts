// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { keepAttached } from '@/utils/page-model/own-host';

const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('our overlay host', () => {
  it('is put back when the page removes it or replaces the body, until its lifetime ends', async () => {
    const host = document.createElement('stactize-companion');
    document.body.append(host);
    const life = new AbortController();
    keepAttached(host, life.signal);

    host.remove();
    await settle();
    expect(host.isConnected).toBe(true);

    document.body.replaceWith(document.createElement('body'));
    await settle();
    expect(host.parentElement).toBe(document.body);

    life.abort();
    host.remove();
    await settle();
    expect(host.isConnected).toBe(false);
  });
});
