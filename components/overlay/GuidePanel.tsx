/**
 * The guide's view: the current step as a popover beside its page element (with a highlight box drawn in our
 * shadow root, pointer-events none) or, when the element is missing, docked in the panel stack; minimised to
 * one button. Non-modal: it never takes focus by itself; Esc minimises; an aria-live region announces steps.
 * While Partner Center shows a dialog or drawer, the stack goes where the tour says (the lower left, or folded
 * into a chip, or hidden until it closes); its content stays mounted, only hidden.
 */
import { type KeyboardEvent, type ReactNode, useEffect, useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import type { Tour, TourView } from '@/utils/guidance';
import type { TourLayout } from '@/utils/guidance/types';
import { strings } from '@/utils/strings';
import { trusted } from './trusted';

const g = strings.guide;
const y = strings.yieldToPage;
type FocusRequest = 'pill' | 'title' | null;

/** The guide around `children` (the capture panel), which stays in the docked stack below the guide. */
export function GuideLayer({
  tour,
  children,
  holdsKey = false,
}: {
  tour: Tour | undefined;
  children?: ReactNode;
  /**
   * The capture panel waits on the user before the key is sealed (a tenant to name, a Client ID to choose, a
   * paste): the stack is then never folded or hidden, even beside a dialog (a one-time key is at stake).
   */
  holdsKey?: boolean;
}) {
  const view = useSyncExternalStore(tour?.subscribe ?? noSubscribe, tour?.getView ?? noView);
  const layout = useSyncExternalStore(tour?.subscribe ?? noSubscribe, tour?.getLayout ?? homeLayout);
  const focusRequest = useRef<FocusRequest>(null);
  const pillRef = useRef<HTMLButtonElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const stackRef = useRef<HTMLDivElement>(null);

  // The tour measures our own stack (never the page) to know where it fits beside Partner Center's dialogs.
  useLayoutEffect(() => {
    if (!tour || !stackRef.current) return;
    tour.attachStack(stackRef.current);
    return () => tour.attachStack(null);
  }, [tour]);

  // Keyboard users keep their place: after Esc/minimise the restore button has focus, after restore the step.
  useEffect(() => {
    const request = focusRequest.current;
    focusRequest.current = null;
    if (request === 'pill') pillRef.current?.focus();
    if (request === 'title') titleRef.current?.focus();
  });

  const folded = !holdsKey && (layout.stack?.folded === true || layout.stack === null);
  const corner = layout.stack?.corner ?? 'bottom-right';

  const actions = tour && {
    minimise() {
      focusRequest.current = 'pill';
      tour.minimise();
    },
    restore() {
      focusRequest.current = 'title';
      tour.restore();
    },
  };

  return (
    <>
      {tour && actions && view?.mode === 'anchored' && (
        <Anchored tour={tour}>
          <StepCard tour={tour} view={view} titleRef={titleRef} onMinimise={actions.minimise} />
        </Anchored>
      )}
      <div
        ref={stackRef}
        className="stack"
        data-corner={folded ? 'bottom-right' : corner}
        data-folded={folded ? 'true' : undefined}
      >
        {tour && actions && view?.mode === 'docked' && (
          <div className="panel guide-dock">
            <StepCard tour={tour} view={view} titleRef={titleRef} onMinimise={actions.minimise} />
          </div>
        )}
        {tour && actions && view?.mode === 'minimised' && (
          <button
            ref={pillRef}
            type="button"
            className="guide-pill"
            aria-expanded="false"
            onClick={trusted(actions.restore)}
          >
            {g.restore}
          </button>
        )}
        {children}
      </div>
      {tour && folded && layout.stack && (
        <button
          type="button"
          className="yield-chip"
          data-corner={layout.stack.corner}
          aria-label={y.chipLabel}
          title={y.chipLabel}
          onClick={trusted(tour.unfold)}
        >
          {y.chip}
        </button>
      )}
      <div className="sr-only" aria-live="polite">
        {view?.announcement ?? ''}
      </div>
    </>
  );
}

function Anchored({ tour, children }: { tour: Tour; children: ReactNode }) {
  const floating = useRef<HTMLDivElement>(null);
  const highlight = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (!floating.current || !highlight.current) return;
    tour.attachSurface({ floating: floating.current, highlight: highlight.current });
    return () => tour.attachSurface(null);
  }, [tour]);
  return (
    <>
      <div ref={highlight} className="guide-highlight" aria-hidden="true" />
      <div ref={floating} className="guide-popover">
        {children}
      </div>
    </>
  );
}

function StepCard({
  tour,
  view,
  titleRef,
  onMinimise,
}: {
  tour: Tour;
  view: TourView;
  titleRef: React.RefObject<HTMLHeadingElement | null>;
  onMinimise: () => void;
}) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onMinimise();
  };
  const last = view.index === view.total - 1;
  return (
    <section
      className="guide"
      aria-labelledby="stactize-guide-title"
      aria-describedby="stactize-guide-body"
      data-guide-step={view.stepRef}
      data-guide-mode={view.mode}
      onKeyDown={trusted(onKeyDown)}
    >
      <p className="guide-meta">
        {view.guideTitle} · {g.stepOf(view.index + 1, view.total)}
      </p>
      <h2 id="stactize-guide-title" ref={titleRef} tabIndex={-1}>
        {view.title}
      </h2>
      <p id="stactize-guide-body">{view.body}</p>
      {view.aside && <p className="note">{y.aside}</p>}
      {view.items.length > 0 && (
        <ul className="guide-items">
          {view.items.map((item) => (
            <li key={item.text} className={item.attention ? 'attention' : undefined}>
              {item.label && <strong>{item.label} </strong>}
              {item.text}
            </li>
          ))}
        </ul>
      )}
      <div className="guide-actions">
        {view.index > 0 && (
          <button type="button" onClick={trusted(tour.back)}>
            {g.back}
          </button>
        )}
        <button type="button" className="primary" onClick={trusted(tour.next)}>
          {last ? g.done : g.next}
        </button>
      </div>
      <div className="guide-secondary">
        <button type="button" onClick={trusted(onMinimise)}>
          {g.minimise}
        </button>
        <button type="button" onClick={trusted(tour.dismiss)}>
          {g.dismiss}
        </button>
        <button type="button" onClick={trusted(tour.restart)}>
          {g.restart}
        </button>
      </div>
    </section>
  );
}

const noSubscribe = () => () => undefined;
const noView = (): TourView | null => null;
const HOME: TourLayout = { stack: { corner: 'bottom-right', folded: false } };
const homeLayout = (): TourLayout => HOME;
