// Settings → backup and restore, and the recovery screen shown when the learner database is damaged.
import type zhCN from './backup.zh-CN'

const en: typeof zhCN = {
  title: 'Backup and restore',
  intro: 'Learning records are kept in a database on this computer. Qunxue backs it up automatically on the first start of each day, before a course pack is imported and before the database is upgraded.',
  policy: 'Automatic backups kept: one a day for the last {daily} days, one a week for the last {weekly} weeks, and the newest {recent}. Manual backups are never deleted automatically.',
  folder: 'Backup folder: {folder}',
  createNow: 'Back up now',
  creating: 'Backing up…',
  created: 'Backed up: {name}',
  empty: 'No backups yet.',
  listLabel: 'Backups',
  columns: {
    time: 'Made at',
    reason: 'Kind',
    size: 'Size',
    actions: 'Actions',
  },
  reasons: {
    daily: 'Daily',
    manual: 'Manual',
    'pre-import': 'Before an import',
    'pre-migration': 'Before an upgrade',
    'pre-removal': 'Before a course was removed',
  },
  restore: 'Restore',
  restoreLabel: 'Restore the backup of {time}',
  restoreOnlyInstructor: 'Only instructors and administrators can restore a backup.',
  confirmTitle: 'Restore this backup?',
  confirmBody: 'The database goes back to how it was at {time}; records made since then are replaced. The current database is kept aside, not deleted.',
  confirm: 'Restore',
  restoring: 'Restoring…',
  restored: 'Restored {name}. The previous database is kept at: {kept}',
  failed: 'That did not work: {message}',
  recovery: {
    title: 'The database needs repair',
    intro: 'The start-up check found the learning-records database damaged (a power cut or a disk fault can do this). Qunxue did not open it, so nothing more is lost.',
    problem: 'What the check found: {problem}',
    file: 'Damaged file: {file}',
    keep: 'Whatever you choose, the damaged file is kept aside unchanged; it is never deleted.',
    restoreLatest: 'Restore the latest backup',
    restoreThis: 'Restore this one',
    otherBackups: 'Other backups',
    noBackups: 'No usable backup was found.',
    startFresh: 'Start again with an empty database',
    startFreshHint: 'All learning records start from zero. The damaged file stays in its folder for a technician to try to repair.',
    working: 'Working…',
    done: 'Recovered. Reopening Qunxue…',
  },
}

export default en
