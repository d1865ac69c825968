/** Mounts the popup with actions that go through the background (and so through the trust gate). */
import './style.css';
import { createRoot } from 'react-dom/client';
import { Popup, type PopupActions } from '@/components/popup/Popup';
import { sendMessage } from '@/utils/messaging';

const actions: PopupActions = {
  load: (refresh) => sendMessage('popupState', { refresh }),
  claim: (code) => sendMessage('claimPairing', { code }),
  disconnect: () => sendMessage('disconnect').then(() => undefined),
  send: (captureId) => sendMessage('sendCapture', { captureId }).then(() => undefined),
  discard: (captureId) => sendMessage('discardCapture', { captureId }).then(() => undefined),
  openPartnerCenter: (guide) => sendMessage('openPartnerCenter', { guide }).then(() => window.close()),
};

const root = document.getElementById('root');
if (root) createRoot(root).render(<Popup actions={actions} />);
