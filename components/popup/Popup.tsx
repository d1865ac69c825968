/** The popup: pairing, the connection's state, and keys waiting on this device. Renders state; fetches nothing itself. */
import { useCallback, useEffect, useState } from 'react';
import type { ClaimOutcome, PopupState } from '@/utils/protocol';
import { daysLeft, expiringSoon } from '@/utils/shapes';
import { problemText, strings } from '@/utils/strings';

const t = strings.popup;

export interface PopupActions {
  load(refresh: boolean): Promise<PopupState>;
  claim(code: string): Promise<ClaimOutcome>;
  disconnect(): Promise<void>;
  /** Send to the account shown in the popup (the user sees its name there), and to no other. */
  send(captureId: string, accountId: string | null): Promise<void>;
  discard(captureId: string): Promise<void>;
  openPartnerCenter(guide: 'connect' | 'rotate'): Promise<void>;
}

/** `initial` is the stored state, read before the first render so the popup opens already filled in. */
export function Popup({ actions, initial = null }: { actions: PopupActions; initial?: PopupState | null }) {
  const [state, setState] = useState<PopupState | null>(initial);
  const reload = useCallback((refresh: boolean) => actions.load(refresh).then(setState, () => undefined), [actions]);
  useEffect(() => {
    // Stored state at once (unless given), then a refresh from the API.
    void (initial ? Promise.resolve() : reload(false)).then(() => reload(true));
  }, [reload, initial]);
  if (!state) return <main aria-busy="true" />;
  return (
    <main>
      <h1>{strings.productName}</h1>
      {!state.partnerCenterAccess && (
        <p role="alert" className="problem">
          {t.noPartnerCenterAccess}
        </p>
      )}
      {state.account ? (
        <Connected state={state} actions={actions} reload={reload} />
      ) : (
        <PairingForm actions={actions} onPaired={() => void reload(true)} />
      )}
      <Outbox state={state} actions={actions} reload={reload} />
      <footer>
        <button type="button" onClick={() => void actions.openPartnerCenter('connect')}>
          {t.startGuide}
        </button>
      </footer>
    </main>
  );
}

function PairingForm({ actions, onPaired }: { actions: PopupActions; onPaired: () => void }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      aria-label={t.pairing.form}
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        void actions
          .claim(code)
          .then((outcome) => {
            if (outcome.ok) onPaired();
            else setError(outcome.message);
          })
          .finally(() => setBusy(false));
      }}
    >
      <p>{t.pairing.help}</p>
      <label htmlFor="pairing-code">{t.pairing.label}</label>
      <input
        id="pairing-code"
        // biome-ignore lint/a11y/noAutofocus: the popup opens to pair; the code field is the one thing to fill.
        autoFocus
        autoComplete="off"
        spellCheck={false}
        value={code}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? 'pairing-error' : undefined}
        onChange={(event) => setCode(event.target.value)}
      />
      <button type="submit" disabled={busy}>
        {t.pairing.connect}
      </button>
      {error && (
        <p id="pairing-error" role="alert" className="problem">
          {error}
        </p>
      )}
    </form>
  );
}

interface SectionProps {
  state: PopupState;
  actions: PopupActions;
  reload: (refresh: boolean) => Promise<void>;
}

function Connected({ state, actions, reload }: SectionProps) {
  const credential = state.connection?.credential ?? null;
  return (
    <section aria-labelledby="connection-title">
      <h2 id="connection-title">{t.connectedTo(state.account?.name ?? '')}</h2>
      {state.updateRequired && (
        <p role="alert" className="problem">
          {t.updateRequired}
        </p>
      )}
      {state.connectionProblem && <p className="note">{t.connectionProblem[state.connectionProblem]}</p>}
      <div role="status" className="credential">
        {!credential && <p>{t.credential.none}</p>}
        {credential?.status === 'pending_verification' && <p>{t.credential.pending}</p>}
        {credential?.status === 'verified' && <p>{t.credential.verified}</p>}
        {credential?.status === 'rejected' && (
          <>
            <p>{t.credential.rejected}</p>
            <p className="problem">
              {credential.reason ? t.credential.rejection[credential.reason] : strings.problemFallback}
            </p>
          </>
        )}
      </div>
      {(credential?.status === 'rejected' || !credential) && (
        <button type="button" onClick={() => void actions.openPartnerCenter(credential ? 'rotate' : 'connect')}>
          {t.openPartnerCenter}
        </button>
      )}
      {credential?.status === 'verified' && expiringSoon(credential.keyExpiresAt, Date.now()) && (
        <button type="button" onClick={() => void actions.openPartnerCenter('rotate')}>
          {t.rotateKey}
        </button>
      )}
      {credential && (
        <dl>
          <dt>{t.details.application}</dt>
          <dd>{credential.applicationName ?? t.details.noName}</dd>
          <dt>{t.details.tenantId}</dt>
          <dd>{credential.tenantId}</dd>
          <dt>{t.details.clientId}</dt>
          <dd>{credential.clientId}</dd>
          {credential.keyExpiresAt && (
            <>
              <dt>{t.details.keyExpiry}</dt>
              <dd>{t.details.keyExpires(credential.keyExpiresAt, daysLeft(credential.keyExpiresAt, Date.now()))}</dd>
            </>
          )}
        </dl>
      )}
      <button type="button" onClick={() => void actions.disconnect().then(() => reload(false))}>
        {t.disconnect}
      </button>
    </section>
  );
}

function Outbox({ state, actions, reload }: SectionProps) {
  const [confirming, setConfirming] = useState<string | null>(null);
  if (!state.outbox.length) return null;
  return (
    <section aria-labelledby="outbox-title">
      <h2 id="outbox-title">{t.outbox.title}</h2>
      <ul>
        {state.outbox.map((entry) => (
          <li key={entry.captureId}>
            <p>
              <strong>{entry.applicationName ?? entry.clientId}</strong> — {t.outbox.state[entry.state]}
            </p>
            {entry.lastError && <p className="problem">{problemText(entry.lastError.code)}</p>}
            {entry.state === 'retrying' && entry.nextAttemptAt && (
              <p>{t.outbox.nextAttempt(new Date(entry.nextAttemptAt).toLocaleTimeString())}</p>
            )}
            {confirming === entry.captureId ? (
              <div role="alertdialog" aria-label={t.outbox.discard} aria-describedby={`confirm-${entry.captureId}`}>
                <p id={`confirm-${entry.captureId}`}>{t.outbox.discardConfirm}</p>
                <button type="button" onClick={() => void actions.discard(entry.captureId).then(() => reload(false))}>
                  {t.outbox.discardYes}
                </button>
                <button type="button" onClick={() => setConfirming(null)}>
                  {t.outbox.cancel}
                </button>
              </div>
            ) : (
              <>
                <button
                  type="button"
                  disabled={state.updateRequired || !state.account || entry.state === 'sending'}
                  onClick={() =>
                    void actions.send(entry.captureId, state.account?.id ?? null).then(() => reload(false))
                  }
                >
                  {t.outbox.send}
                </button>
                <button type="button" onClick={() => setConfirming(entry.captureId)}>
                  {t.outbox.discard}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
