// Settings screen: language, theme and the sections other features add (LRS sync, backup).
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
  saved: 'Settings saved.',
}

export default en
