// What went wrong in the background (the banner above every screen, the
// badge on the settings cog) and the log files under Settings.
import type zhCN from './health.zh-CN'

const en: typeof zhCN = {
  bannerLabel: 'Problems that need attention',
  settingsWithBadge: 'Settings (something needs attention)',
  badge: 'Something needs attention',
  backup: {
    title: 'The automatic backup failed',
    body: 'The last backup did not finish ({at}); work done since has no backup yet.',
    action: 'Back up now under Settings → Backups',
  },
  sync: {
    title: 'Learning records are not sent yet',
    learnerBody: '{pending} learning records are waiting on this computer. They are sent automatically once the network is back; nothing is lost.',
    staffBody: 'The company’s Learning Record Store (LRS) could not be reached: {attempts} failures in a row since {since}; {pending} records are waiting. Next try: {next}.',
    action: 'Check the connection under Settings → Learning records',
  },
  database: {
    title: 'The database failed its check',
    body: 'The start-up integrity check found a problem. Restore a backup.',
    action: 'Open the recovery screen',
  },
  detail: 'Error: {detail}',
  dismiss: 'Hide for now',
  logs: {
    title: 'Logs',
    intro: 'Support needs these logs when something goes wrong. They name profiles by number only, never by name, and hold no answers.',
    folder: 'Log folder: {folder}',
    open: 'Open the log folder',
    export: 'Export logs…',
    exported: '{count} log files exported',
    fileName: 'qunxue-logs',
  },
}

export default en
