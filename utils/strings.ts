/**
 * Every sentence the extension's own UI shows, in one place, English first, grouped by where it shows. Keys are
 * stable ids, so a translation (browser i18n `_locales`) can replace this table without touching components.
 * Tables looked up by a code are typed by the code's union (`satisfies Record<…>`): a missing or extra entry
 * fails the type check, and a lookup with a code outside the union does not compile. Only `problemText` takes
 * an open string (an error code from the Intake API), and it reads own keys only.
 * `test/unit/strings/strings.test.ts` checks that every key is used and that no sentence sits in JSX.
 */

/** Why the safety net opened (utils/vault/capture.ts `MissReason`). */
type MissReason = 'missing' | 'masked' | 'truncated' | 'rendering' | 'settling' | 'noClientId';

/** Codes an outbox entry's last error carries that have their own sentence (the Intake API's and the client's). */
type ProblemCode =
  | 'not_paired'
  | 'account_changed'
  | 'unauthorized'
  | 'network'
  | 'timeout'
  | 'rate_limited'
  | 'unavailable'
  | 'capture_in_progress'
  | 'ack_mismatch'
  | 'unknown_sealing_key'
  | 'sealed_mismatch'
  | 'sealed_unreadable'
  | 'idempotency_key_reused'
  | 'payload_too_large'
  | 'invalid_request'
  | 'internal';

/** Why a pairing code was refused (`ClaimOutcome.reason`): the popup shows `strings.pairingErrors[reason]`. */
export type PairingRefusal =
  | 'empty'
  | 'length'
  | 'characters'
  | 'unknown'
  | 'expired'
  | 'rate_limited'
  | 'unreachable'
  | 'refused';

/** Why Stactize could not use a delivered key (the connection's `credential.reason`). */
type RejectionReason =
  | 'invalid_client_secret'
  | 'secret_expired'
  | 'app_not_linked'
  | 'insufficient_role'
  | 'tenant_mismatch';

/** Why the last connection refresh failed (`PopupState.connectionProblem`). */
type ConnectionProblem = 'unreachable' | 'unauthorized' | 'rate_limited';

/** Why the capture panel could not secure a key (`CaptureState.failure`). */
type CaptureFailure = 'extension_reloaded' | 'sealing_failed' | 'outbox_full' | 'storage_full';

/** A capture's state as the popup's list of keys on this device names it (`CaptureView.state`). */
type CaptureStateName = 'secured' | 'queued' | 'sending' | 'retrying' | 'attention' | 'delivered' | 'unknown';

type GuideVariant = 'connect' | 'rotate';

const expiresIn = (days: number) =>
  days < 0 ? 'expired' : days === 0 ? 'expires today' : `expires in ${days} ${days === 1 ? 'day' : 'days'}`;

export const strings = {
  /** The popup's heading and the in-page panel's accessible name. */
  productName: 'Stactize companion',
  // the key screen's capture panel (components/overlay/CapturePanel.tsx)
  capture: {
    title: 'Send this key to Stactize',
    securing: 'Securing the key on this device…',
    secured: 'Secured on this device',
    securedDetail: 'The key is sealed for Stactize and kept on this device until Stactize confirms it.',
    // Never "reload": reloading a key screen destroys a key Partner Center shows only once.
    failed: {
      extension_reloaded:
        'The extension was updated or restarted while securing this key. Keep this page open and press Try again.',
      sealing_failed: 'The key could not be sealed. Keep this page open and press Try again.',
      outbox_full:
        'Too many keys wait on this device. Send or discard them in the Stactize companion (toolbar button), keep this page open, then press Try again.',
      storage_full:
        'The browser’s storage for extensions is full. Free some space, keep this page open, then press Try again.',
    } satisfies Record<CaptureFailure, string>,
    tryAgain: 'Try again',
    /** The capture was sent to `bound`, and this browser is now connected to `current`: ask before sending there. */
    accountChanged: (bound: string, current: string) =>
      `This key was sent to Stactize (${bound}), but this browser is now connected to ${current}. It was not sent there.`,
    sendInsteadTo: (account: string) => `Send to ${account} instead`,
    sendTo: (account: string) => `Send key to Stactize (${account})`,
    sendAgainTo: (account: string) => `Send key to Stactize (${account}) again`,
    sendNotPaired: 'Send key to Stactize — connect first',
    notPairedExplain:
      'This browser is not connected to a Stactize account yet. Connect it with a pairing code from the Stactize web app; the key stays sealed here meanwhile.',
    sending: 'Sending to Stactize…',
    /** `time`: when the next attempt is due, as a local time; null when not known. */
    retrying: (time: string | null) =>
      `Stactize could not be reached. Trying again ${time === null ? 'soon' : `at ${time}`}; the key stays sealed here.`,
    delivered: 'Delivered',
    deliveredDetail: (account: string) => `Stactize (${account}) received the key and is verifying it.`,
    /** A note for keys not read the usual way (none for the current shape under its label, or a pasted one). */
    confidence: {
      low: 'This key has an older format. Check that it is the key Partner Center just showed.',
      shape:
        'This key was recognised by its shape alone (the companion does not read this page’s language). Check that it is the key Partner Center just showed.',
    },
    // the safety net: the key screen is shown but the key could not be read (CapturePanel's SafetyNet)
    missed: {
      title: 'The companion cannot read the key on this page',
      reason: {
        missing: 'No key could be found on this page.',
        masked: 'The key is hidden (shown as dots).',
        truncated: 'The key is shown cut short.',
        rendering: 'The key has not finished showing.',
        settling: 'The key keeps changing on screen.',
        noClientId: 'The application’s Client ID could not be found on this page.',
      } satisfies Record<MissReason, string>,
      keepOpen:
        'Keep this page open: Partner Center shows this key only once. Copy the key in Partner Center and paste it below. It is sealed at once and never shown.',
      clientId: 'Client ID',
      tenantId: 'Tenant ID',
      pasteHere: 'Paste the key here',
      pasteHint: 'Select this box, then press Ctrl+V (⌘V on a Mac).',
      notAKey: 'That does not look like a Partner Center key. Copy the key value itself and paste it again.',
      invalidIds:
        'Enter the application’s Client ID and Tenant ID first; each looks like 00000000-0000-0000-0000-000000000000.',
    },
    // asked when the key screen and the application page show different Client IDs (a known Partner Center
    // pitfall, and one a page could plant): nothing is sealed until the user says which one is right
    clientId: {
      question: (onScreen: string, onApplicationPage: string) =>
        `This screen shows Client ID ${onScreen}, the application page showed ${onApplicationPage}. Which one is the application's? The application page's is usually the one that works.`,
      pickApplicationPage: (id: string) => `Use the application page’s (${id})`,
      pickKeyScreen: (id: string) => `Use this screen’s (${id})`,
    },
    // asked when the key screen does not say which tenant the application belongs to
    tenant: {
      question: 'Which tenant does this application belong to?',
      field: 'Tenant ID',
      use: 'Use this tenant',
      invalid: 'A tenant ID looks like 00000000-0000-0000-0000-000000000000.',
      keyGone: 'The key is no longer on the page. Add a new key in Partner Center and it will be captured.',
    },
  },
  // the page details a user copies for Stactize support (components/overlay/SupportReport.tsx)
  supportReport: {
    open: 'Copy page details for Stactize support',
    explain:
      'These details describe how this page is built, so that Stactize support can teach the companion to read it. They contain no IDs, keys, names or text from the page. Check them, then press Copy and paste them into your message to support.',
    preview: 'Page details for Stactize support',
    copy: 'Copy',
    cancel: 'Cancel',
    copied: 'Copied',
    copyFailed: 'The details could not be copied. Select the text above and copy it yourself.',
  },
  // problems, by the code the outbox records (capture panel and popup, through problemText)
  problem: {
    not_paired: 'Not connected to Stactize. Connect with a pairing code, then send again.',
    account_changed:
      'This key was meant for another Stactize account than the one connected now. Send it again only if this account is the right one.',
    unauthorized: 'Stactize no longer accepts this connection. Connect again with a new pairing code, then send again.',
    network: 'Stactize could not be reached.',
    timeout: 'Stactize did not answer in time.',
    rate_limited: 'Stactize asked to wait before trying again.',
    unavailable: 'Stactize is temporarily unavailable.',
    capture_in_progress: 'Stactize is still processing this key.',
    ack_mismatch: 'Stactize’s receipt did not match what was sent.',
    // Sealed to a key Stactize retired: sending again can never succeed, only a new key sealed by an updated build.
    unknown_sealing_key:
      'This version of the extension is too old for Stactize. Update the extension, then add a new key in Partner Center.',
    sealed_mismatch: 'Stactize could not match the sealed key to its details. Add a new key in Partner Center.',
    sealed_unreadable: 'Stactize could not open the sealed key. Add a new key in Partner Center.',
    idempotency_key_reused:
      'Stactize already holds a different version of this capture. Add a new key in Partner Center.',
    payload_too_large: 'The capture is too large to send.',
    invalid_request: 'Stactize refused the capture as malformed.',
    internal: 'Something went wrong in the extension; it will try again.',
  } satisfies Record<ProblemCode, string>,
  /** Any other problem code, and a rejected key without a reason. */
  problemFallback: 'Stactize refused the key.',
  // why a pairing code was refused: set by the background's claim (utils/delivery/pairing.ts), shown in the popup
  pairingErrors: {
    empty: 'Type the pairing code from the Stactize web app.',
    length: 'A pairing code has 8 characters, like ABCD-2345.',
    characters: 'A pairing code uses digits and letters except I, L, O and U. Check the code and type it again.',
    unknown: 'That code is unknown or already used. Create a new code in the Stactize web app.',
    expired: 'That code has expired (codes last 10 minutes). Create a new code in the Stactize web app.',
    rate_limited: 'Too many wrong codes. Wait a minute, then try again.',
    unreachable: 'Stactize could not be reached. Check your connection and try again.',
    refused: 'Stactize refused the code.',
  } satisfies Record<PairingRefusal, string>,
  // the popup (components/popup/Popup.tsx)
  popup: {
    noPartnerCenterAccess:
      'The extension may not run on Partner Center: its site access was turned off. In the browser’s extension settings, allow it on partner.microsoft.com, or it cannot guide you or capture a key.',
    startGuide: 'Start the guide in Partner Center',
    pairing: {
      /** The pairing form's accessible name. */
      form: 'Connect to Stactize',
      help: 'In the Stactize web app, create a pairing code (XXXX-XXXX) and type it here.',
      label: 'Pairing code',
      connect: 'Connect',
    },
    connectedTo: (account: string) => `Connected to ${account}`,
    updateRequired: 'This version of the extension is too old for Stactize. Update the extension before sending a key.',
    connectionProblem: {
      unreachable: 'Stactize could not be reached; showing what was known. Nothing stored is lost.',
      unauthorized: 'Stactize no longer accepts this connection. Disconnect and connect again with a new pairing code.',
      rate_limited: 'Stactize asked to wait a moment; showing what was known.',
    } satisfies Record<ConnectionProblem, string>,
    credential: {
      none: 'No key sent yet. Open Partner Center and follow the guide to add a key.',
      pending: 'Stactize is verifying the key…',
      verified: 'Verified: Stactize can use your Partner Center connection.',
      rejected: 'Stactize could not use the key.',
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
      } satisfies Record<RejectionReason, string>,
    },
    openPartnerCenter: 'Open Partner Center',
    rotateKey: 'Add a new key in Partner Center',
    // the delivered key's details
    details: {
      application: 'Application',
      /** Shown for an application without a name. */
      noName: '—',
      tenantId: 'Tenant ID',
      clientId: 'Client ID',
      keyExpiry: 'Key expiry',
      keyExpires: (date: string, days: number) =>
        days < 0
          ? `The key expired on ${date}.`
          : `The key expires on ${date} (${days} ${days === 1 ? 'day' : 'days'} left).`,
    },
    disconnect: 'Disconnect',
    // keys sealed on this device and not yet delivered
    outbox: {
      title: 'Keys on this device',
      state: {
        secured: 'secured',
        queued: 'queued',
        sending: 'sending',
        retrying: 'retrying',
        attention: 'attention',
        delivered: 'delivered',
        unknown: 'unknown',
      } satisfies Record<CaptureStateName, string>,
      nextAttempt: (time: string) => `Next attempt at ${time}`,
      send: 'Send',
      discard: 'Discard',
      discardConfirm:
        'Discard this sealed key? Only the copy on this device is deleted; Partner Center keeps the key itself.',
      discardYes: 'Discard the sealed copy',
      cancel: 'Cancel',
    },
  },
  // the browser notifications the background shows (utils/delivery/reminders.ts)
  notifications: {
    /** The expiry reminder's title, `days` (30, 7 or 1) before the key expires. */
    expiryTitle: (days: number) =>
      days === 1 ? 'Your Stactize key expires tomorrow' : `Your Stactize key expires in ${days} days`,
    /** The expiry reminder's text; `date` is the key's expiry date (YYYY-MM-DD). */
    expiryMessage: (applicationName: string | null | undefined, date: string) =>
      `The key of ${applicationName ?? 'your application'} expires on ${date}. Click to add a new key in Partner Center and send it to Stactize.`,
  },
  // the in-page guide (utils/guidance/guides/*, utils/guidance/tour.ts, components/overlay/GuidePanel.tsx)
  guide: {
    titles: {
      connect: 'Connect Partner Center to Stactize',
      rotate: 'Replace your Stactize key',
    } satisfies Record<GuideVariant, string>,
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
    /** A listed key; `daysLeft` null when its expiry date could not be read. */
    keyLine: (created: string, expires: string, daysLeft: number | null) =>
      daysLeft === null
        ? `Created ${created}, expires ${expires}`
        : `Created ${created}, expires ${expires} (${expiresIn(daysLeft)})`,
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
          body: 'Keep this page open until the Stactize panel says the key is secured on this device, then send it from there. If the panel cannot read the key, it asks you to paste it.',
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

function isProblemCode(code: string): code is ProblemCode {
  // Own keys only: an error code such as `toString` or `__proto__` must not find a sentence.
  return Object.hasOwn(strings.problem, code);
}

/** The sentence for an outbox entry's error code, which comes from outside (the Intake API) and may be new. */
export function problemText(code: string): string {
  return isProblemCode(code) ? strings.problem[code] : strings.problemFallback;
}
