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
  noPartnerCenterAccess:
    'The extension may not run on Partner Center: its site access was turned off. In the browser’s extension settings, allow it on partner.microsoft.com, or it cannot guide you or capture a key.',
  rotateKey: 'Add a new key in Partner Center',
  startGuide: 'Start the guide in Partner Center',
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
  // the in-page guide (utils/guides/*, components/overlay/GuidePanel.tsx)
  guide: {
    name: 'Stactize guide',
    titles: { connect: 'Connect Partner Center to Stactize', rotate: 'Replace your Stactize key' },
    stepOf: (n: number, total: number) => `Step ${n} of ${total}`,
    announce: (n: number, total: number, title: string) => `Stactize guide, step ${n} of ${total}: ${title}`,
    back: 'Back',
    next: 'Next',
    done: 'Done',
    minimise: 'Minimise guide',
    restore: 'Show the Stactize guide',
    dismiss: 'Hide on this page',
    restart: 'Restart guide',
    minimised: 'Guide minimised. Press “Show the Stactize guide” to continue.',
    keyLine: (created: string, expires: string) => `Created ${created}, expires ${expires}`,
    keyExpiresIn: (days: number) =>
      days < 0 ? 'expired' : days === 0 ? 'expires today' : `expires in ${days} ${days === 1 ? 'day' : 'days'}`,
    unknownDate: 'unknown date',
    expiresSoon: 'Expires soon:',
    expired: 'Expired:',
    steps: {
      dashboard: {
        openSettings: {
          title: 'Open Account settings',
          body: 'Select the gear icon in the upper right of Partner Center to open Account settings.',
        },
        openTenants: {
          title: 'Go to Tenants',
          body: 'In Account settings, choose Tenants to check that a Microsoft Entra tenant is associated with your account. If it already is, go to User management instead.',
        },
      },
      tenants: {
        prerequisites: {
          title: 'Before you start',
          body: 'You need a Microsoft Entra directory. Anyone with Microsoft 365 already has one; otherwise Partner Center creates one for free. Associating a tenant needs only the Partner Center Manager role; creating a directory or its users needs a Microsoft Entra global administrator.',
        },
        associateOrCreate: {
          title: 'Associate or create a tenant',
          body: 'Already have a tenant? Choose “Associate Microsoft Entra ID with your Partner Center account” and sign in with that tenant’s credentials. No tenant yet? Choose “Create new Microsoft Entra ID”.',
        },
        severalTenants: {
          title: 'Several tenants',
          body: 'Several tenants are associated. Note which one holds the application Stactize will use: its Tenant ID is the one the key belongs to.',
        },
        createForm: {
          title: 'Create the tenant',
          body: 'Domain name becomes <name>.onmicrosoft.com. Add a contact email, then the global administrator’s first name, last name, username and password, and press Create. That user becomes the tenant’s global administrator.',
        },
        createTip: {
          title: 'Note the sign-in first',
          body: 'Write the username and password down somewhere safe offline before you press Create: no email is sent with them.',
        },
        associateReview: {
          title: 'Review and confirm',
          body: 'After signing in with the tenant’s credentials, check the organization and domain name shown here, then press Confirm.',
        },
        allSet: {
          title: 'Tenant associated',
          body: 'All set. Return to tenant management, or go on to Account settings → User management → Microsoft Entra applications.',
        },
      },
      userManagement: {
        openAppsTab: {
          title: 'Open Microsoft Entra applications',
          body: 'Choose the Microsoft Entra applications tab. It is hidden for accounts without a developer program.',
        },
        selectApp: {
          title: 'Select your application',
          body: 'Select the name of the application Stactize will use to open its page.',
        },
        addApplication: {
          title: 'No application yet?',
          body: 'Choose “Add Microsoft Entra application” to create a new one or add an existing one from your directory.',
        },
        createOrAdd: {
          title: 'Create or add an application',
          body: 'Create a new Microsoft Entra application (give it a name and a reply URL), or add one that already exists in your directory.',
        },
        managerRole: {
          title: 'Give it the Manager role',
          body: 'Under Roles, select Manager: Stactize needs it to manage your private offers. Then save or create.',
        },
      },
      applicationPage: {
        keys: {
          title: 'Your active keys',
          body: 'These keys are active. Keys expiring within 60 days are marked. Remove keys no longer needed.',
        },
        addKey: {
          title: 'Add a new key for Stactize',
          body: 'Press “Add new key”. Partner Center shows the key once; the companion secures it the moment it appears.',
        },
        appIdUri: {
          title: 'If the App ID URI is refused',
          body: 'Pressing “Add new key” can ask for the App ID URI: “Please enter a unique URI no greater than 256 characters”. Enter a unique URI such as api://<Client ID>, save, then add the key again.',
        },
        noAddKey: {
          title: '“Add new key” is missing',
          body: 'Partner Center does not show “Add new key” for some users and applications. Check that you have the Manager role, and that the application was created or added in this Partner Center account; otherwise add the key in the Microsoft Entra admin center.',
        },
      },
      keyScreen: {
        capture: {
          title: 'Send the key to Stactize',
          body: 'The key below is secured on this device as soon as it shows. Use the Stactize panel to send it; you do not need to copy it.',
        },
        another: {
          title: 'Need one more key?',
          body: 'Choose “Add another key” only if you need a second key; each key shown is secured again.',
        },
      },
      unauthorized: {
        role: {
          title: 'Which role is needed',
          body: 'Account settings need the Partner Center Manager role. Ask a Manager of your account to give you the role, or to do these steps.',
        },
        account: {
          title: 'Which account is needed',
          body: 'Sign in with a work account of your organization’s Microsoft Entra tenant. A personal Microsoft account (outlook.com, hotmail.com) is refused here even when it opened the developer account.',
        },
      },
      rotate: {
        openSettings: {
          title: 'Open Account settings',
          body: 'Select the gear icon in the upper right, then User management → Microsoft Entra applications, and select the application Stactize uses.',
        },
        addKey: {
          title: 'Add a new key',
          body: 'Press “Add new key”. Keep the old key until Stactize has received the new one.',
        },
        send: {
          title: 'Send the new key',
          body: 'Use the Stactize panel to send the new key and wait until it says Delivered.',
        },
        backToApp: {
          title: 'Then remove the old key',
          body: 'Go back to the application page to remove the old key.',
        },
        removeOld: {
          title: 'Remove the old key',
          body: 'Stactize has the new key. Remove the old key (the one with the earliest expiry), not the one added today.',
        },
      },
    },
  },
} as const;

export function problemText(code: string): string {
  return Object.hasOwn(strings.problem, code)
    ? (strings.problem[code] ?? strings.problemFallback)
    : strings.problemFallback;
}
