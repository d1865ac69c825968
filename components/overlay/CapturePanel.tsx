/** The key screen's panel: secured → send → delivered, and what to do when something stops it. */
import { useState, useSyncExternalStore } from 'react';
import { problemText, strings } from '@/utils/strings';
import type { CaptureController, TenantChoice } from '@/utils/vault';

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
  return (
    <section className="capture" aria-labelledby="stactize-capture-title">
      <h2 id="stactize-capture-title">Send this key to Stactize</h2>
      {state.clientIdMismatch && <p className="note">{strings.clientIdMismatch}</p>}
      {state.lowConfidence && <p className="note">{strings.lowConfidence}</p>}
      {phase === 'needTenant' && <TenantPicker controller={controller} tenants={tenants} />}
      {phase === 'failed' && (
        <p className="problem" role="alert">
          {state.failure === 'extension_reloaded'
            ? 'The extension was updated or restarted while securing this key. Reload this page; if the key is no longer shown, add a new key.'
            : 'The key could not be sealed. Reload this page; if the key is no longer shown, add a new key.'}
        </p>
      )}
      <div role="status" className="status">
        {phase === 'securing' && strings.securing}
        {phase === 'secured' && view?.state !== 'delivered' && <strong>{strings.secured}</strong>}
        {view?.state === 'delivered' && <strong>{strings.delivered}</strong>}
        {view && (view.state === 'queued' || view.state === 'sending') && <span> · {strings.sending}</span>}
      </div>
      {phase === 'secured' && view && view.state !== 'delivered' && (
        <>
          <p className="detail">{strings.securedDetail}</p>
          {view.state === 'retrying' && (
            <p className="detail">
              {strings.retrying(
                view.nextAttemptAt ? `at ${new Date(view.nextAttemptAt).toLocaleTimeString()}` : 'soon',
              )}
            </p>
          )}
          {view.state === 'attention' && view.lastError && (
            <p className="problem" role="alert">
              {problemText(view.lastError.code)}
            </p>
          )}
          {account.paired && account.accountName ? (
            <button
              type="button"
              className="primary"
              disabled={view.state === 'queued' || view.state === 'sending'}
              onClick={() => void controller.send()}
            >
              {view.state === 'attention'
                ? `${strings.sendTo(account.accountName)} again`
                : strings.sendTo(account.accountName)}
            </button>
          ) : (
            <>
              <p className="detail">{strings.notPairedExplain}</p>
              <button type="button" className="primary" onClick={onConnect}>
                {strings.sendNotPaired}
              </button>
            </>
          )}
        </>
      )}
      {view?.state === 'delivered' && account.accountName && (
        <p className="detail">{strings.deliveredDetail(account.accountName)}</p>
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
        event.preventDefault();
        void controller.chooseTenant(value).then((outcome) => {
          setError(outcome === 'invalid' ? strings.tenantInvalid : outcome === 'gone' ? strings.keyGone : null);
        });
      }}
    >
      <p>{strings.tenantNeeded}</p>
      {tenants.map((tenant) => (
        <label key={tenant.id} className="choice">
          <input
            type="radio"
            name="tenant"
            value={tenant.id}
            checked={value === tenant.id}
            onChange={() => setValue(tenant.id)}
          />
          {tenant.label}
        </label>
      ))}
      <label className="field">
        {strings.tenantPaste}
        <input
          type="text"
          spellCheck={false}
          autoComplete="off"
          value={value}
          aria-invalid={error === strings.tenantInvalid}
          onChange={(event) => setValue(event.target.value)}
        />
      </label>
      {error && (
        <p className="problem" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary">
        {strings.tenantUse}
      </button>
    </form>
  );
}
