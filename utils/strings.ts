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
    // Stactize's verification outcome, shown on the page below "Delivered" once it comes
    verified: (account: string) => `Verified: Stactize (${account}) can use your Partner Center connection.`,
    rejected: 'Stactize could not use this key.',
    /** A note for keys not read the usual way (none for the current shape under its label, or a pasted one). */
    confidence: {
      low: 'This key has an older format. Check that it is the key Partner Center just showed.',
      shape:
        'This key was recognised by its shape alone (the companion does not read this page’s language). Check that it is the key Partner Center just showed.',
    },
    // a User management page in a language or layout the companion does not know (Overlay)
    unrecognisedPage: {
      title: 'The companion cannot read this page',
      body: 'Its language or layout is new to the companion, so its guidance may not match what you see. On the key screen, the companion asks you to paste the key if it cannot read it.',
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
  // the overlay making way for Partner Center's own dialogs and drawers (components/overlay/GuidePanel.tsx)
  yieldToPage: {
    /** Under a step docked because a Partner Center dialog or drawer is open where its popover would go. */
    aside: 'Partner Center has a dialog or panel open, so the guide waits here, out of its way.',
    /** The chip the companion folds into while a Partner Center dialog or drawer takes its place. */
    chip: 'Stactize',
    chipLabel: 'Show the Stactize companion (it moved out of the way of Partner Center’s open dialog)',
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
    /**
     * Who may do what on Tenants, shown beside "Associate or create" (the help article's second point). Not step
     * words, so no placeholders.
     */
    tenantRoles: {
      associate:
        'Associate an existing tenant: the Partner Center Manager role is enough, plus an account of that tenant to sign in with.',
      create:
        'Create a new tenant: no directory needed yet. The administrator you enter on the form becomes its global administrator; creating users or changing the directory later needs a global administrator.',
    },
    /**
     * Each step's title and body. `{targetId}` (a target of utils/page-model/targets.ts) is replaced by the label
     * that target shows on the page, or its English name when it is not on the page (utils/guidance/define.ts).
     * Each page kind's first step is the thing to do there; context follows it.
     */
    steps: {
      dashboard: {
        openSettings: {
          title: 'Open “{accountSettings}”',
          body: 'Select the gear icon in the upper right of Partner Center (“{accountSettings}”).',
        },
        openTenants: {
          title: 'Go to “{tenantsNav}”',
          body: 'In “{accountSettings}”, choose “{tenantsNav}” to check that a Microsoft Entra tenant is associated with your account. If one already is, choose “{userManagementNav}” instead.',
        },
      },
      tenants: {
        chooseTenant: {
          title: 'Associate a tenant, or create one',
          body: 'Already have a Microsoft Entra tenant (anyone with Microsoft 365 has one)? Choose “{associateTenant}”. No tenant yet? Choose “{createTenant}”: Partner Center creates one for free.',
        },
        signIn: {
          title: 'What Microsoft’s sign-in will ask',
          body: '“{associateTenant}” opens Microsoft’s sign-in page, where the Stactize companion does not run. There, sign in with a work account of the tenant you associate (not a personal Microsoft account) and its password, plus a second check if your organization uses one. You then come back here to review the organization and domain name and press “{confirm}”.',
        },
        tenantReady: {
          title: 'Your tenant is associated',
          body: 'Go on to “{accountSettings}” → “{userManagementNav}” → “{entraApplicationsTab}” and select the application Stactize will use. If it belongs to a tenant not listed here, associate that tenant first.',
        },
        severalTenants: {
          title: 'Which tenant holds the application',
          body: 'Several tenants are associated. The application Stactize uses lives in one of them: its page shows that tenant’s Tenant ID, and the key belongs to that tenant. To associate another, choose “{associateTenant}”: Microsoft’s sign-in page then asks for an account of that other tenant, not of one listed here.',
        },
        anotherTenant: {
          title: 'Application in another tenant?',
          body: 'Only if the application Stactize will use belongs to another tenant: choose “{associateTenant}” and, on Microsoft’s sign-in page, sign in with an account of that other tenant.',
        },
        createTip: {
          title: 'First, note the administrator’s sign-in',
          body: 'The username and password you enter on this form are the new tenant’s global administrator, and no email is sent with them. Write them down somewhere safe offline before you fill in the form.',
        },
        createFields: {
          title: 'Fill in the form',
          body: '“{domainNameField}” becomes <name>.onmicrosoft.com. Then “{contactEmailField}”, and the global administrator’s first name, last name, username and password. That user becomes the tenant’s global administrator.',
        },
        createSubmit: {
          title: 'Press “Create”',
          body: 'With the username and password written down, press “Create”. Once Partner Center has created the tenant, go on to “{accountSettings}” → “{userManagementNav}”.',
        },
        associateReview: {
          title: 'Review and confirm',
          body: 'Back from Microsoft’s sign-in: check that the organization and domain name shown are the tenant you meant, then press “{confirm}”.',
        },
        allSet: {
          title: 'Tenant associated',
          body: 'Go on to “{accountSettings}” → “{userManagementNav}” → “{entraApplicationsTab}”. To see the tenant listed first, press “{returnToTenantManagement}”.',
        },
      },
      userManagement: {
        openAppsTab: {
          title: 'Open “{entraApplicationsTab}”',
          body: 'Choose the “{entraApplicationsTab}” tab. Partner Center hides it for accounts without a developer program.',
        },
        selectApp: {
          title: 'Select your application',
          body: 'Select the name of the application Stactize will use to open its page. None listed yet? Choose “{addApplication}”.',
        },
        addApplication: {
          title: 'No application yet?',
          body: 'Choose “{addApplication}”. There you create a new Microsoft Entra application or add one that already exists in your directory; either needs the Partner Center Manager role.',
        },
        createOrAdd: {
          title: 'Create a new application, or add an existing one',
          body: 'New: give it a name and a “{replyUrlField}” (at most 256 characters, unique in your directory). Existing: select it from your directory. Then continue to its roles.',
        },
        managerRole: {
          title: 'Give it the Manager role',
          body: 'Under Roles, select Manager: Stactize needs it to manage your private offers. Then press Create (or Add).',
        },
      },
      applicationPage: {
        addKey: {
          title: 'Add a new key for Stactize',
          body: 'Press “{addNewKey}”. Partner Center shows the key once; the companion secures it the moment it appears.',
        },
        noAddKey: {
          title: '“{addNewKey}” is missing',
          body: 'Partner Center does not show “{addNewKey}” for some users and applications. Check that you have the Manager role, and that the application was created or added in this Partner Center account; otherwise add the key in the Microsoft Entra admin center.',
        },
        keys: {
          title: 'Your active keys',
          body: 'These are the application’s active keys; those expiring within 60 days are marked. Keep every key for now: an old key may be removed only once Stactize has verified the new one.',
        },
        appIdUri: {
          title: 'If the App ID URI is refused',
          body: 'Pressing “{addNewKey}” can ask for the App ID URI: “Please enter a unique URI no greater than 256 characters”. Enter a unique URI such as api://<Client ID>, save, then press “{addNewKey}” again.',
        },
      },
      keyScreen: {
        capture: {
          title: 'Send the key to Stactize',
          body: 'Keep this page open until the Stactize panel says the key is secured on this device, then send it from there. If the panel cannot read the key, it asks you to paste it.',
        },
        another: {
          title: 'Need one more key?',
          body: 'Choose “{addAnotherKey}” only if you need a second key; each key shown is secured again.',
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
          title: 'Open “{accountSettings}”',
          body: 'Select the gear icon in the upper right (“{accountSettings}”), then “{userManagementNav}” → “{entraApplicationsTab}”, and select the application Stactize uses.',
        },
        addKey: {
          title: 'Add a new key',
          body: 'Press “{addNewKey}”. Keep the old key until Stactize has verified the new one.',
        },
        send: {
          title: 'Send the new key',
          body: 'Use the Stactize panel to send the new key. Keep the old key: Stactize uses it until it has verified this one.',
        },
        verifying: {
          title: 'Keep the old key for now',
          body: 'Stactize received the new key and is verifying it. Remove no key until the companion says the new one is verified: until then the old key is the one that works.',
        },
        backToApp: {
          title: 'Verified: now remove the old key',
          body: 'Stactize verified the new key. Go back to the application page to remove the old one.',
        },
        removeOld: {
          title: 'Remove the old key',
          body: 'Stactize verified the new key. Remove the old key (the one with the earliest expiry) with its “{removeKey}” button, not the one added today.',
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
