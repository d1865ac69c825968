/** Mounts the popup with actions that go through the background (and so through the trust gate). */

import { createRoot } from 'react-dom/client';
import { Popup, type PopupActions } from '@/components/popup/Popup';
import { config } from '@/utils/config';
import { loadPopupState, sendMessage } from '@/utils/protocol';
import { PARTNER_CENTER_PATTERN } from '@/utils/shapes';
import css from './style.css?inline';

const actions: PopupActions = {
  // First render straight from storage; refreshes go through the background, which calls the API.
  load: (refresh) =>
    refresh
      ? sendMessage('popupState', { refresh })
      : loadPopupState(config.sealingKey?.kid ?? '', () =>
          browser.permissions.contains({ origins: [PARTNER_CENTER_PATTERN] }),
        ),
  claim: (code) => sendMessage('claimPairing', { code }),
  disconnect: () => sendMessage('disconnect').then(() => undefined),
  send: (captureId, accountId) => sendMessage('sendCapture', { captureId, accountId }).then(() => undefined),
  discard: (captureId) => sendMessage('discardCapture', { captureId }).then(() => undefined),
  openPartnerCenter: (guide) => sendMessage('openPartnerCenter', { guide }).then(() => window.close()),
};

// The stylesheet travels inside the script: a separate file is one more fetch the script would wait for.
document.head.append(Object.assign(document.createElement('style'), { textContent: css }));

// Reading storage starts before anything renders, so the first paint already shows the state.
const root = document.getElementById('root');
if (root) {
  void actions
    .load(false)
    .catch(() => null)
    .then((initial) => createRoot(root).render(<Popup actions={actions} initial={initial} />));
}
