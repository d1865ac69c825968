/** Every guide's declarations: steps with words, targets the page model knows, unique ids, one file per kind. */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GUIDES } from '@/utils/guidance/guides';
import { guideFor } from '@/utils/guidance/tour';
import { LABEL_MATCH, LABELS } from '@/utils/page-model/labels';
import { PAGE_KINDS } from '@/utils/page-model/page-state';
import { TARGET_IDS, TARGETS } from '@/utils/page-model/targets';

describe('the guides', () => {
  it('cover every page kind, each in its own file', () => {
    for (const kind of PAGE_KINDS) expect(guideFor(GUIDES, 'connect', kind)?.kind, kind).toBe(kind);
    const files = readdirSync(fileURLToPath(new URL('../../../utils/guidance/guides/', import.meta.url)));
    for (const kind of PAGE_KINDS) expect(files).toContain(`${kind}.ts`);
  });

  it('offer a rotate variant for the application page and the key screen', () => {
    expect(guideFor(GUIDES, 'rotate', 'applicationPage')?.variant).toBe('rotate');
    expect(guideFor(GUIDES, 'rotate', 'keyScreen')?.variant).toBe('rotate');
    // Pages the rotate variant does not change fall back to the connect guide.
    expect(guideFor(GUIDES, 'rotate', 'tenants')?.variant).toBe('connect');
  });

  for (const guide of GUIDES) {
    describe(`${guide.variant}.${guide.kind}`, () => {
      it('has steps, each with a unique id and a non-empty title and body', () => {
        expect(guide.steps.length).toBeGreaterThan(0);
        expect(new Set(guide.steps.map((s) => s.id)).size).toBe(guide.steps.length);
        for (const step of guide.steps) {
          expect(step.id).toMatch(/^[a-zA-Z]+$/);
          expect(step.text.title.trim(), step.id).not.toBe('');
          expect(step.text.body.trim().length, step.id).toBeGreaterThan(20);
        }
      });

      it('points only at targets the page model can find', () => {
        for (const step of guide.steps) if (step.target) expect(TARGET_IDS, step.id).toContain(step.target);
      });
    });
  }

  it('is unique per variant and page kind', () => {
    const keys = GUIDES.map((g) => `${g.variant}.${g.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('the targets', () => {
  it('each name a label with an English spelling', () => {
    for (const id of TARGET_IDS) {
      const { label } = TARGETS[id];
      expect(LABEL_MATCH[label], id).toBeDefined();
      expect(LABELS.en[label]?.length ?? 0, id).toBeGreaterThan(0);
    }
  });
});
