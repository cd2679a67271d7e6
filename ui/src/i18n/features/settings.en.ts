// Settings screen: language, theme, text size and the sections other features add (LRS sync, backup).
import type zhCN from './settings.zh-CN'

const en: typeof zhCN = {
  nav: 'Settings',
  title: 'Settings',
  intro: 'These settings are kept on this computer and apply to every learner profile.',
  language: {
    title: 'Interface language',
    hint: 'Course content stays in the language of its pack.',
    'zh-CN': '简体中文',
    en: 'English',
  },
  theme: {
    title: 'Appearance',
    hint: 'The dark appearance is easier on the eyes at night or in dim light.',
    system: 'Follow the system',
    light: 'Light',
    dark: 'Dark',
  },
  textSize: {
    title: 'Text size',
    hint: 'The whole window grows or shrinks. You can also press {mod} and = to enlarge, {mod} and - to shrink, {mod} and 0 for the standard size.',
    size: '{name} ({percent}%)',
    names: {
      '90': 'Smaller',
      '100': 'Standard',
      '115': 'Larger',
      '130': 'Large',
      '150': 'Largest',
    },
  },
  saved: 'Settings saved.',
  adminLog: {
    idleLabel: 'Lock an instructor’s or admin’s session after this many idle minutes (0 = never)',
    idleSave: 'Save',
    idleSaved: 'Saved: sessions lock after {minutes} idle minutes.',
    title: 'Admin log',
    hint: 'Who installed or removed courses, changed roles, deleted profiles or restored a backup as admin, and when. The log lives in the database, so backups carry it.',
    empty: 'No admin action yet.',
    when: 'When',
    who: 'Who',
    what: 'Action',
    detail: 'Details',
    actions: {
      import_pack: 'Imported a course',
      remove_course: 'Removed a course',
      add_profile: 'Added a profile',
      set_idle_lock: 'Changed the idle lock',
      set_role: 'Changed a role',
      delete_profile: 'Deleted a profile',
      restore_backup: 'Restored a backup',
      set_up_machine: 'Set up as a shared computer',
      set_up_admin: 'Set up the admin',
      recreate_admin: 'Set up a new admin',
      confirm_admin: 'Confirmed the admin (new recovery code)',
      recover_admin: 'Reset the PIN with the recovery code',
      reset_pin: 'Reset a PIN',
      set_pin_policy: 'Changed the profile PIN rule',
    },
  },
}

export default en
