/**
 * Where the popover and the docked stack go, as pure functions of rectangles: beside the target (right, then
 * below, left, above), never on the target nor on a page dialog, on screen, level with the target; beside the
 * dialog the target sits in when nothing fits inside it; null when there is nowhere (the tour docks it). The
 * stack: its lower-right corner, else the lower left, else a chip in a clear corner, else nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Box,
  CLEAR_PX,
  EDGE_PX,
  GAP_PX,
  MIN_POPOVER_HEIGHT_PX,
  overlaps,
  placeBeside,
  placeStack,
  STACK_MARGIN_PX,
} from '@/utils/guidance/anchor';

const VIEW = { width: 1280, height: 720 };
const POPOVER = { width: 320, height: 260 };
const box = (x: number, y: number, width: number, height: number): Box => ({ x, y, width, height });
const placedBox = (p: { x: number; y: number }, size = POPOVER) => box(p.x, p.y, size.width, size.height);

describe('placeBeside', () => {
  it('puts the popover right of the target, aligned with its top, one gap away', () => {
    const target = box(100, 200, 120, 32);
    expect(placeBeside({ target, size: POPOVER, viewport: VIEW })).toEqual({
      x: 100 + 120 + GAP_PX,
      y: 200,
      side: 'right',
      maxHeight: VIEW.height - EDGE_PX - 200,
      beside: 'target',
    });
  });

  it('flips below, then left, then above when the side before has no room', () => {
    // At the right edge: no room on the right, room below.
    expect(placeBeside({ target: box(1100, 100, 150, 32), size: POPOVER, viewport: VIEW })?.side).toBe('bottom');
    // At the right edge and the bottom: left.
    expect(placeBeside({ target: box(1100, 600, 150, 32), size: POPOVER, viewport: VIEW })?.side).toBe('left');
    // A wide target low on the page: above.
    expect(placeBeside({ target: box(10, 600, 1260, 40), size: POPOVER, viewport: VIEW })?.side).toBe('top');
  });

  it('slides along its side to stay on screen, still level with the target', () => {
    const target = box(100, 680, 120, 32);
    const placed = placeBeside({ target, size: POPOVER, viewport: VIEW });
    expect(placed).toMatchObject({ side: 'right', y: VIEW.height - EDGE_PX - POPOVER.height });
  });

  it('never covers "Add new key" when the popover is taller than the room above and below it (it shortens)', () => {
    const viewport = { width: 640, height: 360 };
    const target = box(8, 150, 600, 40);
    const placed = placeBeside({ target, size: { width: 320, height: 300 }, viewport });
    expect(placed).not.toBeNull();
    if (!placed) return;
    expect(placed.maxHeight).toBeGreaterThanOrEqual(MIN_POPOVER_HEIGHT_PX);
    const shown = box(placed.x, placed.y, 320, Math.min(300, placed.maxHeight));
    expect(overlaps(shown, target)).toBe(false);
  });

  it('keeps off a page dialog: slides past it, still level with the target', () => {
    const target = box(100, 100, 120, 32);
    const dialog = box(240, 0, 400, 120);
    const placed = placeBeside({ target, size: POPOVER, viewport: VIEW, avoid: [dialog] });
    expect(placed).toMatchObject({ side: 'right', y: 120 + CLEAR_PX });
    if (placed) expect(overlaps(placedBox(placed), dialog)).toBe(false);
  });

  it('keeps off a page dialog: takes another side when its side is covered', () => {
    const target = box(500, 100, 120, 32);
    const dialog = box(630, 0, 400, 720);
    const placed = placeBeside({ target, size: POPOVER, viewport: VIEW, avoid: [dialog] });
    expect(placed).toMatchObject({ side: 'bottom', x: 630 - CLEAR_PX - POPOVER.width });
    if (placed) expect(overlaps(placedBox(placed), dialog)).toBe(false);
  });

  it('goes beside the drawer the target sits in when no side of the target is outside it', () => {
    const drawer = box(800, 0, 480, 720);
    const target = box(820, 300, 120, 32);
    const placed = placeBeside({ target, size: POPOVER, viewport: VIEW, avoid: [drawer], around: drawer });
    expect(placed).toMatchObject({ side: 'left', beside: 'dialog', x: 800 - GAP_PX - POPOVER.width, y: 300 });
  });

  it('says there is nowhere when the drawer around the target leaves no room', () => {
    const drawer = box(80, 0, 1200, 720);
    const target = box(100, 300, 120, 32);
    expect(placeBeside({ target, size: POPOVER, viewport: VIEW, avoid: [drawer], around: drawer })).toBeNull();
  });

  it('stays on screen for a target scrolled out of view', () => {
    const placed = placeBeside({ target: box(100, 900, 120, 32), size: POPOVER, viewport: VIEW });
    expect(placed).not.toBeNull();
    if (placed) {
      expect(placed.y).toBeGreaterThanOrEqual(EDGE_PX);
      expect(placed.y + POPOVER.height).toBeLessThanOrEqual(VIEW.height - EDGE_PX);
    }
  });

  it('never overlaps the target or a page box, and stays inside the viewport (any geometry)', () => {
    const arbBox = (vw: number, vh: number) =>
      fc
        .record({
          x: fc.integer({ min: -50, max: vw }),
          y: fc.integer({ min: -50, max: vh }),
          width: fc.integer({ min: 1, max: vw }),
          height: fc.integer({ min: 1, max: vh }),
        })
        .map((b) => box(b.x, b.y, b.width, b.height));
    const arbCase = fc
      .record({ vw: fc.integer({ min: 320, max: 1920 }), vh: fc.integer({ min: 240, max: 1080 }) })
      .chain(({ vw, vh }) =>
        fc.record({
          viewport: fc.constant({ width: vw, height: vh }),
          target: arbBox(vw, vh),
          avoid: fc.array(arbBox(vw, vh), { maxLength: 3 }),
          size: fc.record({ width: fc.integer({ min: 200, max: 360 }), height: fc.integer({ min: 80, max: 500 }) }),
          aroundIndex: fc.option(fc.nat(2), { nil: undefined }),
        }),
      );
    fc.assert(
      fc.property(arbCase, ({ viewport, target, avoid, size, aroundIndex }) => {
        const around = aroundIndex === undefined ? undefined : avoid[aroundIndex];
        const placed = placeBeside({ target, size, viewport, avoid, around });
        if (!placed) return true;
        const width = Math.min(size.width, viewport.width - 2 * EDGE_PX);
        const shown = box(placed.x, placed.y, width, Math.min(size.height, placed.maxHeight));
        const inside =
          shown.x >= EDGE_PX - 0.5 &&
          shown.y >= EDGE_PX - 0.5 &&
          shown.x + shown.width <= viewport.width - EDGE_PX + 0.5 &&
          shown.y + shown.height <= viewport.height - EDGE_PX + 0.5;
        return inside && !overlaps(shown, target) && avoid.every((b) => !overlaps(shown, b));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('placeStack', () => {
  const STACK = { width: 360, height: 420 };
  const CHIP = { width: 140, height: 36 };

  it('stays in the lower right with no page dialog open', () => {
    expect(placeStack({ avoid: [], viewport: VIEW, stack: STACK, chip: CHIP })).toEqual({
      corner: 'bottom-right',
      folded: false,
    });
  });

  it('moves to the lower left for right-hand drawers of 320, 480 and 720 px', () => {
    for (const width of [320, 480, 720]) {
      const drawer = box(VIEW.width - width, 0, width, VIEW.height);
      expect(placeStack({ avoid: [drawer], viewport: VIEW, stack: STACK, chip: CHIP })).toEqual({
        corner: 'bottom-left',
        folded: false,
      });
    }
  });

  it('stays right of a left-hand drawer, and of a small centred dialog', () => {
    const left = box(0, 0, 380, VIEW.height);
    expect(placeStack({ avoid: [left], viewport: VIEW, stack: STACK, chip: CHIP })?.corner).toBe('bottom-right');
    const centred = box(410, 180, 460, 360);
    expect(placeStack({ avoid: [centred], viewport: VIEW, stack: STACK, chip: CHIP })?.corner).toBe('bottom-right');
  });

  it('folds into a chip above a bottom sheet, and in a free corner beside a wide drawer', () => {
    const sheet = box(0, VIEW.height - 260, VIEW.width, 260);
    expect(placeStack({ avoid: [sheet], viewport: VIEW, stack: STACK, chip: CHIP })).toEqual({
      corner: 'top-right',
      folded: true,
    });
    const viewport = { width: 800, height: 600 };
    const drawer = box(320, 0, 480, 600);
    expect(placeStack({ avoid: [drawer], viewport, stack: STACK, chip: CHIP })).toEqual({
      corner: 'bottom-left',
      folded: true,
    });
  });

  it('waits (null) when even the chip would cover a dialog', () => {
    const viewport = { width: 800, height: 600 };
    const drawer = box(80, 0, 720, 600);
    expect(placeStack({ avoid: [drawer], viewport, stack: STACK, chip: CHIP })).toBeNull();
  });

  it('the stack or chip it chooses never overlaps a page box', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            x: fc.integer({ min: 0, max: 1200 }),
            y: fc.integer({ min: 0, max: 700 }),
            width: fc.integer({ min: 1, max: 1280 }),
            height: fc.integer({ min: 1, max: 720 }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        fc.integer({ min: 40, max: 680 }),
        (avoid, height) => {
          const stack = { width: 360, height };
          const placed = placeStack({ avoid, viewport: VIEW, stack, chip: CHIP });
          if (!placed) return true;
          const size = placed.folded ? CHIP : stack;
          const x = placed.corner.endsWith('right') ? VIEW.width - STACK_MARGIN_PX - size.width : STACK_MARGIN_PX;
          const y = placed.corner.startsWith('bottom') ? VIEW.height - STACK_MARGIN_PX - size.height : STACK_MARGIN_PX;
          return avoid.every((b) => !overlaps(box(x, y, size.width, size.height), b));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
