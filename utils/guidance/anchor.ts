/**
 * Anchoring a step to its page element with Floating UI: the popover is placed beside the target (right first,
 * so it does not cover what follows the target), and the highlight is a fixed box inside our own shadow root
 * drawn at the target's getBoundingClientRect (the page's element is never styled). autoUpdate follows
 * scroll, resize and layout shifts; a slow liveness check notices a target that was removed.
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';

export interface Surface {
  floating: HTMLElement;
  highlight: HTMLElement;
}

/** Starts following `target`; calls `onLost` (once) when it is gone or hidden. Returns the stop function. */
export type AnchorFn = (target: Element, surface: Surface, onLost: () => void) => () => void;

export const GAP_PX = 10;
const HIGHLIGHT_PAD_PX = 4;
const LIVENESS_MS = 1000;

/** Whether an element is on the page and takes up space. */
export function isShown(el: Element): boolean {
  if (!el.isConnected) return false;
  const rect = el.getBoundingClientRect();
  return rect.width > 0 || rect.height > 0;
}

export const anchorWithFloatingUi: AnchorFn = (target, surface, onLost) => {
  const { floating, highlight } = surface;
  let stopped = false;
  const lost = () => {
    if (stopped) return;
    stop();
    onLost();
  };
  const update = () => {
    if (stopped) return;
    if (!isShown(target)) return lost();
    const rect = target.getBoundingClientRect();
    Object.assign(highlight.style, {
      top: `${rect.top - HIGHLIGHT_PAD_PX}px`,
      left: `${rect.left - HIGHLIGHT_PAD_PX}px`,
      width: `${rect.width + 2 * HIGHLIGHT_PAD_PX}px`,
      height: `${rect.height + 2 * HIGHLIGHT_PAD_PX}px`,
    });
    highlight.dataset.placed = 'true';
    void computePosition(target, floating, {
      strategy: 'fixed',
      placement: 'right-start',
      middleware: [
        offset(GAP_PX),
        flip({ fallbackPlacements: ['bottom-start', 'left-start', 'top-start'], padding: 8 }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply({ availableHeight, elements }) {
            // At 200 % zoom the popover scrolls inside rather than running off screen.
            elements.floating.style.maxHeight = `${Math.max(120, Math.floor(availableHeight))}px`;
          },
        }),
      ],
    }).then(({ x, y, placement }) => {
      if (stopped) return;
      floating.style.left = `${Math.round(x)}px`;
      floating.style.top = `${Math.round(y)}px`;
      floating.dataset.placement = placement;
      floating.dataset.placed = 'true';
    });
  };
  const stopAuto = autoUpdate(target, floating, update);
  const liveness = setInterval(() => {
    if (!isShown(target)) lost();
  }, LIVENESS_MS);
  function stop() {
    stopped = true;
    stopAuto();
    clearInterval(liveness);
    delete floating.dataset.placed;
    delete highlight.dataset.placed;
  }
  return () => {
    if (!stopped) stop();
  };
};
