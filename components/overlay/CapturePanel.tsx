/** The key screen's panel: secured → send → delivered, and what to do when something stops it. */
import { type ClipboardEvent, type ReactNode, useState, useSyncExternalStore } from 'react';
import type { CaptureView } from '@/utils/protocol';
import { problemText, strings } from '@/utils/strings';
import type { CaptureController, CaptureState, TenantChoice } from '@/utils/vault';
import { trusted } from './trusted';

const t = strings.capture;

export function CapturePanel({
  controller,
  tenants,
  onConnect,
  support,
}: {
  controller: CaptureController;
  tenants: TenantChoice[];
  onConnect: () => void;
  /** The structural page report for Stactize support, offered when the key cannot be read. */
  support?: ReactNode;
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
      {(state.confidence === 'low' || state.confidence === 'shape') && (
        <p className="note">{t.confidence[state.confidence]}</p>
      )}
      {phase === 'missed' && state.miss && (
        <SafetyNet controller={controller} miss={state.miss} tenants={tenants} support={support} />
      )}
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
      {view?.state === 'delivered' && <Verification view={view} accountName={account.accountName} />}
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

/**
 * The key screen shows but its key could not be read: say so, and take the key from a paste. The paste zone
 * takes no input but the paste event: the key is read from its clipboard data, handed to the controller to
 * seal, and never enters a value, the DOM or this component's state.
 */
function SafetyNet({
  controller,
  miss,
  tenants,
  support,
}: {
  controller: CaptureController;
  miss: NonNullable<CaptureState['miss']>;
  tenants: TenantChoice[];
  support?: ReactNode;
}) {
  const m = t.missed;
  const [clientId, setClientId] = useState(miss.clientId ?? '');
  const [tenantId, setTenantId] = useState(miss.tenantId ?? (tenants.length === 1 ? (tenants[0]?.id ?? '') : ''));
  const [error, setError] = useState<string | null>(null);
  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.stopPropagation();
    // Page script can fire a paste event too, with a key of its choosing.
    if (!event.isTrusted) return;
    const pasted = event.clipboardData?.getData('text/plain') ?? '';
    void controller
      .pasteKey(pasted, { clientId, tenantId })
      .then((outcome) =>
        setError(outcome === 'not_a_key' ? m.notAKey : outcome === 'invalid_ids' ? m.invalidIds : null),
      );
  };
  return (
    <div className="safety-net">
      <p className="problem" role="alert">
        <strong>{m.title}.</strong> {m.reason[miss.reason]}
      </p>
      <p className="detail">{m.keepOpen}</p>
      <IdField label={m.clientId} value={clientId} onChange={setClientId} />
      <IdField label={m.tenantId} value={tenantId} onChange={setTenantId} list="stactize-tenants" />
      {tenants.length > 0 && (
        <datalist id="stactize-tenants">
          {tenants.map((tenant) => (
            <option key={tenant.id} value={tenant.id}>
              {tenant.label}
            </option>
          ))}
        </datalist>
      )}
      {/* biome-ignore lint/a11y/useSemanticElements: a <button> gets no paste event in Firefox. It is editable only
          so that every browser fires paste at it; every way in but the paste event is refused, and what a
          composition slips in is put back. */}
      <div
        className="paste-zone primary"
        role="button"
        tabIndex={0}
        contentEditable
        suppressContentEditableWarning
        spellCheck={false}
        aria-describedby="stactize-paste-hint"
        onPaste={onPaste}
        onBeforeInput={(event) => event.preventDefault()}
        onDrop={(event) => event.preventDefault()}
        onInput={(event) => {
          event.currentTarget.textContent = m.pasteHere;
        }}
      >
        {m.pasteHere}
      </div>
      <p id="stactize-paste-hint" className="detail">
        {m.pasteHint}
      </p>
      {error && (
        <p className="problem" role="alert">
          {error}
        </p>
      )}
      {support}
    </div>
  );
}

/** A GUID the user gives or checks (not a secret: Client and Tenant IDs are identifiers). */
function IdField({
  label,
  value,
  onChange,
  list,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  list?: string;
}) {
  return (
    <label className="field">
      {label}
      <input
        type="text"
        spellCheck={false}
        autoComplete="off"
        value={value}
        list={list}
        onChange={trusted((event) => onChange(event.target.value))}
      />
    </label>
  );
}

/** After "Delivered": Stactize's verification outcome as it comes, and what to do when it rejected the key. */
function Verification({ view, accountName }: { view: CaptureView; accountName: string | null }) {
  const outcome = view.verification;
  const account = view.boundAccountName ?? accountName;
  if (outcome?.status === 'verified' && account) return <p className="detail">{t.verified(account)}</p>;
  if (outcome?.status === 'rejected')
    return (
      <p className="problem" role="alert">
        {t.rejected} {outcome.reason ? strings.popup.credential.rejection[outcome.reason] : strings.problemFallback}
      </p>
    );
  return account ? <p className="detail">{t.deliveredDetail(account)}</p> : null;
}
