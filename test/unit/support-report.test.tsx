// @vitest-environment happy-dom
/**
 * "Copy page details for Stactize support": nothing is computed or copied until the user asks, the report is
 * shown before it is copied, and clicks made by page script (untrusted events) do nothing.
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SupportReport } from '@/components/overlay/SupportReport';
import { strings } from '@/utils/strings';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const t = strings.supportReport;
const REPORT =
  'Stactize page details (structure only)\npage kind: keyScreen\n    7      3        he-text-field label=key';

async function render(getReport: () => string): Promise<HTMLElement> {
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  await act(async () => createRoot(host).render(<SupportReport getReport={getReport} />));
  return host;
}

const button = (host: HTMLElement, text: string) => {
  const found = [...host.querySelectorAll('button')].find((b) => b.textContent === text);
  if (!found) throw new Error(`no button ${text}`);
  return found;
};

/** A click the browser made for the user (happy-dom marks no event trusted, so the test says it is). */
async function userClick(el: HTMLElement): Promise<void> {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  await act(async () => {
    el.dispatchEvent(event);
  });
}

/** A click page script made: `el.click()` on our open shadow root. */
async function scriptClick(el: HTMLElement): Promise<void> {
  await act(async () => el.click());
}

const preview = (host: HTMLElement) => host.querySelector('textarea');
const status = (host: HTMLElement) => host.querySelector('[role=status]')?.textContent;

describe('the support report button', () => {
  beforeEach(async () => {
    await navigator.clipboard.writeText('before');
  });

  it('computes and copies nothing until the user presses it, then Copy', async () => {
    const getReport = vi.fn(() => REPORT);
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    const host = await render(getReport);
    expect(getReport).not.toHaveBeenCalled();
    expect(preview(host)).toBeNull();

    await userClick(button(host, t.open));
    expect(getReport).toHaveBeenCalledTimes(1);
    expect(preview(host)?.value).toBe(REPORT);
    expect(host.textContent).toContain(t.explain);
    // Shown, not copied.
    expect(writeText).not.toHaveBeenCalled();
    expect(await navigator.clipboard.readText()).toBe('before');
    expect(status(host)).toBe('');

    await userClick(button(host, t.copy));
    expect(writeText).toHaveBeenCalledExactlyOnceWith(REPORT);
    expect(await navigator.clipboard.readText()).toBe(REPORT);
    expect(status(host)).toBe(t.copied);
  });

  it('ignores clicks made by page script, on the button and on Copy and Cancel', async () => {
    const getReport = vi.fn(() => REPORT);
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    const host = await render(getReport);

    await scriptClick(button(host, t.open));
    expect(getReport).not.toHaveBeenCalled();
    expect(preview(host)).toBeNull();

    await userClick(button(host, t.open));
    await scriptClick(button(host, t.copy));
    await scriptClick(button(host, t.cancel));
    expect(writeText).not.toHaveBeenCalled();
    expect(await navigator.clipboard.readText()).toBe('before');
    expect(preview(host)?.value).toBe(REPORT);
    expect(status(host)).toBe('');
  });

  it('closes the preview on Cancel without copying, and computes the report afresh when opened again', async () => {
    const getReport = vi.fn(() => REPORT);
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    const host = await render(getReport);
    await userClick(button(host, t.open));
    await userClick(button(host, t.cancel));
    expect(preview(host)).toBeNull();
    expect(document.activeElement).toBe(button(host, t.open));
    expect(writeText).not.toHaveBeenCalled();

    await userClick(button(host, t.open));
    expect(getReport).toHaveBeenCalledTimes(2);
    expect(document.activeElement).toBe(preview(host));
  });

  it('says so when the browser refuses to copy', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('not allowed'));
    const host = await render(() => REPORT);
    await userClick(button(host, t.open));
    await userClick(button(host, t.copy));
    expect(status(host)).toBe(t.copyFailed);
  });
});
