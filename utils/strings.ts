/**
 * Every sentence the extension's own UI shows, in one place, English first. Keys are stable ids, so a
 * translation (browser i18n `_locales`) can replace this table without touching components.
 */
export const strings = {
  productName: 'Stactize companion',
  // capture panel
  securing: 'Securing the key on this device…',
  secured: 'Secured on this device',
  securedDetail: 'The key is sealed for Stactize and kept on this device until Stactize confirms it.',
  sendTo: (account: string) => `Send key to Stactize (${account})`,
  sendNotPaired: 'Send key to Stactize — connect first',
  notPairedExplain:
    'This browser is not connected to a Stactize account yet. Connect it with a pairing code from the Stactize web app; the key stays sealed here meanwhile.',
  connect: 'Connect to Stactize',
  sending: 'Sending to Stactize…',
  retrying: (when: string) => `Stactize could not be reached. Trying again ${when}; the key stays sealed here.`,
  delivered: 'Delivered',
  deliveredDetail: (account: string) => `Stactize (${account}) received the key and is verifying it.`,
  sendAgain: 'Send again',
  leaveGuard: 'The key shown on this page is not secured yet. Leave anyway?',
  lowConfidence: 'This key has an older format. Check that it is the key Partner Center just showed.',
  clientIdMismatch:
    'The Client ID on this screen differs from the one on the application page. The application page’s Client ID is used, as it is the one that works.',
  tenantNeeded: 'Which tenant does this application belong to?',
  tenantPaste: 'Tenant ID',
  tenantUse: 'Use this tenant',
  tenantInvalid: 'A tenant ID looks like 00000000-0000-0000-0000-000000000000.',
  keyGone: 'The key is no longer on the page. Add a new key in Partner Center and it will be captured.',
  // problems, by the code the outbox records
  problem: {
    not_paired: 'Not connected to Stactize. Connect with a pairing code, then send again.',
    unauthorized: 'Stactize no longer accepts this connection. Connect again with a new pairing code, then send again.',
    network: 'Stactize could not be reached.',
    timeout: 'Stactize did not answer in time.',
    rate_limited: 'Stactize asked to wait before trying again.',
    unavailable: 'Stactize is temporarily unavailable.',
    capture_in_progress: 'Stactize is still processing this key.',
    ack_mismatch: 'Stactize’s receipt did not match what was sent.',
    unknown_sealing_key:
      'This version of the extension is too old for Stactize. Update the extension, then send again.',
    sealed_mismatch: 'Stactize could not match the sealed key to its details. Add a new key in Partner Center.',
    sealed_unreadable: 'Stactize could not open the sealed key. Add a new key in Partner Center.',
    idempotency_key_reused:
      'Stactize already holds a different version of this capture. Add a new key in Partner Center.',
    payload_too_large: 'The capture is too large to send.',
    invalid_request: 'Stactize refused the capture as malformed.',
    internal: 'Something went wrong in the extension; it will try again.',
  } as Record<string, string>,
  problemFallback: 'Stactize refused the key.',
  // pairing
  pairingLabel: 'Pairing code',
  pairingConnect: 'Connect',
  pairingHelp: 'In the Stactize web app, create a pairing code (XXXX-XXXX) and type it here.',
  pairingErrors: {
    empty: 'Type the pairing code from the Stactize web app.',
    length: 'A pairing code has 8 characters, like ABCD-2345.',
    characters: 'A pairing code uses digits and letters except I, L, O and U. Check the code and type it again.',
    unknown: 'That code is unknown or already used. Create a new code in the Stactize web app.',
    expired: 'That code has expired (codes last 10 minutes). Create a new code in the Stactize web app.',
    rate_limited: 'Too many wrong codes. Wait a minute, then try again.',
    unreachable: 'Stactize could not be reached. Check your connection and try again.',
    refused: 'Stactize refused the code.',
  } as Record<string, string>,
  disconnect: 'Disconnect',
  // popup
  connectedTo: (account: string) => `Connected to ${account}`,
  noCredential: 'No key sent yet. Open Partner Center and follow the guide to add a key.',
  pending: 'Stactize is verifying the key…',
  verified: 'Verified: Stactize can use your Partner Center connection.',
  rejected: 'Stactize could not use the key.',
  keyExpires: (date: string, days: number) =>
    days < 0
      ? `The key expired on ${date}.`
      : `The key expires on ${date} (${days} ${days === 1 ? 'day' : 'days'} left).`,
  rejection: {
    invalid_client_secret:
      'The key was not accepted by Microsoft. In Partner Center, open the application, add a new key and send it.',
    secret_expired: 'The key has expired. In Partner Center, open the application, add a new key and send it.',
    app_not_linked:
      'The application is not added to your Partner Center account. In Account settings › User management › Microsoft Entra applications, add it, then send a new key.',
    insufficient_role:
      'The application lacks the Manager role. In User management › Microsoft Entra applications, give it the Manager role.',
    tenant_mismatch:
      'The key belongs to a different tenant than the one sent. Open the application page in Partner Center and send a new key from there.',
  } as Record<string, string>,
  openPartnerCenter: 'Open Partner Center',
  rotateKey: 'Add a new key in Partner Center',
  updateRequired: 'This version of the extension is too old for Stactize. Update the extension before sending a key.',
  connectionProblem: {
    unreachable: 'Stactize could not be reached; showing what was known. Nothing stored is lost.',
    unauthorized: 'Stactize no longer accepts this connection. Disconnect and connect again with a new pairing code.',
    rate_limited: 'Stactize asked to wait a moment; showing what was known.',
  } as Record<string, string>,
  waiting: 'Keys on this device',
  send: 'Send',
  discard: 'Discard',
  discardConfirm:
    'Discard this sealed key? Only the copy on this device is deleted; Partner Center keeps the key itself.',
  discardYes: 'Discard the sealed copy',
  cancel: 'Cancel',
} as const;

export function problemText(code: string): string {
  return Object.hasOwn(strings.problem, code)
    ? (strings.problem[code] ?? strings.problemFallback)
    : strings.problemFallback;
}
