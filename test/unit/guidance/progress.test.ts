/** Progress as pure functions: which step shows, and what Next, Back, minimise, dismiss and restart change. */
import { describe, expect, it } from 'vitest';
import { EMPTY_GUIDE_PROGRESS, type GuideProgress } from '@/utils/guidance';
import { defineGuide } from '@/utils/guidance/define';
import * as flow from '@/utils/guidance/progress';
import type { PageState } from '@/utils/page-model/page-state';

const text = { title: 'T', body: 'B' };
const guide = defineGuide('connect', 'tenants', [
  { id: 'a', text },
  { id: 'b', text, when: (s) => s.view === 'list' },
  { id: 'c', text, completeOn: 'keyDelivered' },
]);
const list: PageState = { kind: 'tenants', url: 'https://partner.microsoft.com/x', view: 'list', tenants: [] };
const create: PageState = { ...list, view: 'create' };
const p0: GuideProgress = EMPTY_GUIDE_PROGRESS;

describe('guide progress', () => {
  it('shows the first step not done, skipping steps whose condition fails', () => {
    expect(flow.currentStep(guide, list, p0, 0)?.steps.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(flow.currentStep(guide, create, p0, 0)?.steps.map((s) => s.id)).toEqual(['a', 'c']);
    const done = { ...p0, completed: ['connect.tenants.a'] };
    expect(flow.currentStep(guide, list, done, 0)?.index).toBe(1);
  });

  it('Next marks the step done and moves on; on the last step it minimises', () => {
    const current = flow.currentStep(guide, list, p0, 0);
    if (!current) throw new Error('no step');
    const after = flow.next(p0, guide, current);
    expect(after.completed).toEqual(['connect.tenants.a']);
    expect(after.at).toEqual({ tenants: 'b' });
    const last = flow.currentStep(guide, list, { ...after, at: { tenants: 'c' } }, 0);
    if (!last) throw new Error('no step');
    expect(flow.next(after, guide, last).pages.tenants?.minimised).toBe(true);
  });

  it('Back returns to the previous step; resumes where the user was while that step applies', () => {
    const at = { ...p0, at: { tenants: 'b' } };
    const current = flow.currentStep(guide, list, at, 0);
    expect(current?.index).toBe(1);
    if (!current) throw new Error('no step');
    expect(flow.back(at, guide, current).at).toEqual({ tenants: 'a' });
    // "b" does not apply on the create form: the first step not done shows instead.
    expect(flow.currentStep(guide, create, at, 0)?.index).toBe(0);
  });

  it('shows the last step when every step is done', () => {
    const done = { ...p0, completed: ['connect.tenants.a', 'connect.tenants.b', 'connect.tenants.c'] };
    expect(flow.currentStep(guide, list, done, 0)?.index).toBe(2);
  });

  it('dismisses and minimises per page kind, and restart clears everything and activates the guide', () => {
    const hidden = flow.dismiss(flow.minimise(p0, 'tenants', true), 'tenants');
    expect(hidden.pages).toEqual({ tenants: { minimised: true, dismissed: true } });
    expect(flow.restart('rotate')).toEqual({ guide: 'rotate', active: true, completed: [], at: {}, pages: {} });
  });

  it('an outside event is recorded, and finishes the steps of the running variant waiting for it, once', () => {
    const after = flow.onEvent(p0, [guide], 'keyDelivered');
    expect(after.completed).toEqual(['event.keyDelivered', 'connect.tenants.c']);
    expect(flow.onEvent(after, [guide], 'keyDelivered')).toBe(after);
    expect(flow.onEvent({ ...p0, guide: 'rotate' }, [guide], 'keyDelivered').completed).toEqual(['event.keyDelivered']);
  });

  it('a verification counts only after a delivery in the same run', () => {
    expect(flow.onEvent(p0, [guide], 'keyVerified')).toBe(p0);
    const delivered = flow.onEvent(p0, [guide], 'keyDelivered');
    expect(flow.onEvent(delivered, [guide], 'keyVerified').completed).toContain('event.keyVerified');
  });

  it('fills each {target} with the quote, and leaves one it has no words for', () => {
    const step = {
      text: { title: 'Open “{tenantsNav}”', body: 'Press “{addNewKey}”, not “{addNewKey}” twice {nope}' },
    };
    const quote = (id: string) => ({ tenantsNav: 'Mandanten', addNewKey: 'Neuen Schlüssel hinzufügen' })[id] ?? '';
    expect(flow.stepText(step, quote)).toEqual({
      title: 'Open “Mandanten”',
      body: 'Press “Neuen Schlüssel hinzufügen”, not “Neuen Schlüssel hinzufügen” twice {nope}',
    });
  });

  it('quotes the label on the page once per target, and names it in English when it is missing or unreadable', () => {
    const lookups: string[] = [];
    const quote = flow.quoteFrom((id) => {
      lookups.push(id);
      if (id === 'confirm') throw new Error('page re-rendering');
      return id === 'addNewKey' ? '新しいキーの追加' : null;
    });
    expect(quote('addNewKey')).toBe('新しいキーの追加');
    expect(quote('addNewKey')).toBe('新しいキーの追加');
    expect(quote('tenantsNav')).toBe('Tenants');
    expect(quote('confirm')).toBe('Confirm');
    expect(lookups).toEqual(['addNewKey', 'tenantsNav', 'confirm']);
  });
});
