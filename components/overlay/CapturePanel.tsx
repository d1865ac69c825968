/** The key screen's panel: secured → send → delivered, and what to do when something stops it. */
import { useState, useSyncExternalStore } from 'react';
import { problemText, strings } from '@/utils/strings';
import type { CaptureController, TenantChoice } from '@/utils/vault';
import { trusted } from './trusted';

const t = strings.capture;

export function CapturePanel({
  controller,
  tenants,
  onConnect,
}: {
  controller: CaptureController;
  tenants: TenantChoice[];
  onConnect: () => void;
}) {
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  const { phase, view, account } = state;
  // Sent to another account than the one connected now: named, and sent here only if the user says so.
  const otherAccount =
    view?.state === 'attention' &&
    view.lastError?.code === 'account_changed' &&
    view.boundAccountName !== account.accountName
      ? view.boundAccountName
      : null;
  return (
    <section className="capture" aria-labelledby="stactize-capture-title">
      <h2 id="stactize-capture-title">{t.title}</h2>
      {state.lowConfidence && <p className="note">{t.lowConfidence}</p>}
      {phase === 'confirmClientId' && state.clientIdChoice && (
        <fieldset className="choose-client-id">
          <legend>{t.clientId.question(state.clientIdChoice.keyScreen, state.clientIdChoice.applicationPage)}</legend>
          <button
            type="button"
            className="primary"
            onClick={trusted(() => void controller.chooseClientId('applicationPage'))}
          >
            {t.clientId.pickApplicationPage(state.clientIdChoice.applicationPage)}
          </button>
          <button type="button" onClick={trusted(() => void controller.chooseClientId('keyScreen'))}>
            {t.clientId.pickKeyScreen(state.clientIdChoice.keyScreen)}
          </button>
        </fieldset>
      )}
      {phase === 'needTenant' && <TenantPicker controller={controller} tenants={tenants} />}
      {phase === 'failed' && (
        <>
          <p className="problem" role="alert">
            {t.failed[state.failure ?? 'sealing_failed']}
          </p>
          <button type="button" onClick={trusted(() => void controller.retry())}>
            {t.tryAgain}
          </button>
        </>
      )}
      <div role="status" className="status">
        {phase === 'securing' && t.securing}
        {phase === 'secured' && view?.state !== 'delivered' && <strong>{t.secured}</strong>}
        {view?.state === 'delivered' && <strong>{t.delivered}</strong>}
        {view && (view.state === 'queued' || view.state === 'sending') && <span> · {t.sending}</span>}
      </div>
      {phase === 'secured' && view && view.state !== 'delivered' && (
        <>
          <p className="detail">{t.securedDetail}</p>
          {view.state === 'retrying' && (
            <p className="detail">
              {t.retrying(view.nextAttemptAt ? new Date(view.nextAttemptAt).toLocaleTimeString() : null)}
            </p>
          )}
          {view.state === 'attention' && view.lastError && (
            <p className="problem" role="alert">
              {otherAccount && account.accountName
                ? t.accountChanged(otherAccount, account.accountName)
                : problemText(view.lastError.code)}
            </p>
          )}
          {account.paired && account.accountName ? (
            <button
              type="button"
              className="primary"
              disabled={view.state === 'queued' || view.state === 'sending'}
              onClick={trusted(() => void controller.send())}
            >
              {otherAccount
                ? t.sendInsteadTo(account.accountName)
                : view.state === 'attention'
                  ? t.sendAgainTo(account.accountName)
                  : t.sendTo(account.accountName)}
            </button>
          ) : (
            <>
              <p className="detail">{t.notPairedExplain}</p>
              <button type="button" className="primary" onClick={trusted(onConnect)}>
                {t.sendNotPaired}
              </button>
            </>
          )}
        </>
      )}
      {view?.state === 'delivered' && account.accountName && (
        <p className="detail">{t.deliveredDetail(account.accountName)}</p>
      )}
    </section>
  );
}

function TenantPicker({ controller, tenants }: { controller: CaptureController; tenants: TenantChoice[] }) {
  const [value, setValue] = useState(tenants[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="tenant"
      onSubmit={(event) => {
        // Always kept from submitting the page; acted on only when the user submitted it.
        event.preventDefault();
        if (!event.isTrusted) return;
        void controller.chooseTenant(value).then((outcome) => {
          setError(outcome === 'invalid' ? t.tenant.invalid : outcome === 'gone' ? t.tenant.keyGone : null);
        });
      }}
    >
      <p>{t.tenant.question}</p>
      {tenants.map((tenant) => (
        <label key={tenant.id} className="choice">
          <input
            type="radio"
            name="tenant"
            value={tenant.id}
            checked={value === tenant.id}
            onChange={trusted(() => setValue(tenant.id))}
          />
          {tenant.label}
        </label>
      ))}
      <label className="field">
        {t.tenant.field}
        <input
          type="text"
          spellCheck={false}
          autoComplete="off"
          value={value}
          aria-invalid={error === t.tenant.invalid}
          onChange={trusted((event) => setValue(event.target.value))}
        />
      </label>
      {error && (
        <p className="problem" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary">
        {t.tenant.use}
      </button>
    </form>
  );
}
