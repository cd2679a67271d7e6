// Settings → learning record store (xAPI): where learning records are sent and how sending stands.
import type zhCN from './xapi.zh-CN'

const en: typeof zhCN = {
  title: 'Learning record sync (xAPI)',
  intro:
    "Reading, quiz and task records are kept on this computer first and sent to your company's Learning Record Store (LRS) when it is reachable; nothing is lost while offline.",
  status: {
    title: 'Sync status',
    pending: '{count} waiting to be sent',
    sent: '{count} sent',
    lastSuccess: 'Last successful sync: {time}',
    never: 'Never synced successfully yet',
    lastError: 'Last error ({time}): {message}',
    notConfigured: 'No Learning Record Store is set yet. Records stay on this computer and are sent once one is set.',
  },
  form: {
    endpoint: 'Server address',
    endpointHint: "The LRS's xAPI root, e.g. https://lrs.example.com/xAPI; it must start with https:// (http:// only to this computer). Leave empty to send nothing. A new address needs the password again.",
    username: 'Account',
    password: 'Password',
    passwordKept: 'Password saved (leave empty to keep it)',
    passwordHint: {
      keyring: "The password is kept in the system's credential store (keychain), never in the database or its backups, and is never shown again.",
      file: 'This computer has no system credential store: the password is kept in a file beside the database that only this account can read, never in the database or its backups, and is never shown again.',
    },
    iriBase: 'Activity id prefix (IRI)',
    iriBaseHint: "Every course, module and quiz id in xAPI starts with this; use the same value on all of a company's computers.",
    save: 'Save settings',
    saving: 'Saving…',
    saved: 'Learning Record Store settings saved.',
    marksArriveBy: "How instructors' marks reach learners' computers",
    marksBundle: "Grades bundle (private mode): learners' accounts can read only what their computer wrote; marks come in the grades bundle the instructor exports.",
    marksLrs: "The LRS (company mode): learners' computers fetch the marks about their learners when they sync. Learners' accounts need read access, which also lets them read other learners' records.",
  },
  syncNow: 'Sync now',
  syncing: 'Syncing…',
  synced: 'Sent {sent} records; {pending} left.',
  syncedWithMarks: 'Sent {sent} records; {pending} left; fetched {marks} marks.',
  failed: 'That did not work: {message}',
  adminOnly: 'Only an administrator can change these settings.',
}

export default en
