/**
 * "Copy page details for Stactize support": the page's structure (page-model describePage + formatReport), asked
 * of the overlay through `getReport` only when the user presses the button, shown in a read-only preview first
 * and put on the clipboard only when the user presses Copy. The preview is a read-only text field (focusable and
 * scrollable by keyboard, as a 400-line report needs); it may sit in our open shadow root, as it holds shapes and
 * our own label ids, never a value of the page.
 */
import { useEffect, useRef, useState } from 'react';
import { strings } from '@/utils/strings';
import { trusted } from './trusted';

const t = strings.supportReport;
type CopyStatus = 'copied' | 'failed' | null;
type FocusRequest = 'preview' | 'open' | null;

export function SupportReport({ getReport }: { getReport: () => string }) {
  const [report, setReport] = useState<string | null>(null);
  const [status, setStatus] = useState<CopyStatus>(null);
  const previewRef = useRef<HTMLTextAreaElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  // Focus moves only after a press of the user's: to the preview it opened, back to the button it closed.
  const focusRequest = useRef<FocusRequest>(null);
  useEffect(() => {
    const request = focusRequest.current;
    focusRequest.current = null;
    if (request === 'preview') previewRef.current?.focus();
    if (request === 'open') openRef.current?.focus();
  });

  const show = (next: string | null, focus: FocusRequest) => {
    focusRequest.current = focus;
    setStatus(null);
    setReport(next);
  };
  const copy = (text: string) => {
    navigator.clipboard.writeText(text).then(
      () => setStatus('copied'),
      () => setStatus('failed'),
    );
  };

  return (
    <section className="support-report">
      {report === null ? (
        <button ref={openRef} type="button" onClick={trusted(() => show(getReport(), 'preview'))}>
          {t.open}
        </button>
      ) : (
        <>
          <p className="detail">{t.explain}</p>
          <textarea
            ref={previewRef}
            className="report"
            readOnly
            rows={12}
            spellCheck={false}
            aria-label={t.preview}
            value={report}
          />
          <button type="button" className="primary" onClick={trusted(() => copy(report))}>
            {t.copy}
          </button>
          <button type="button" onClick={trusted(() => show(null, 'open'))}>
            {t.cancel}
          </button>
        </>
      )}
      <p role="status" className="status">
        {status === 'copied' ? t.copied : status === 'failed' ? t.copyFailed : ''}
      </p>
    </section>
  );
}
