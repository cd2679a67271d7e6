// Settings screen: language, theme and the sections other features add (LRS sync, backup).
const zhCN = {
  nav: '设置',
  title: '设置',
  intro: '这些设置只保存在这台电脑上，对所有学员档案都有效。',
  language: {
    title: '界面语言',
    hint: '课程内容保持课程包原本的语言。',
    'zh-CN': '简体中文',
    en: 'English',
  },
  theme: {
    title: '外观',
    hint: '深色外观在夜间或光线较暗的环境中更护眼。',
    system: '跟随系统',
    light: '浅色',
    dark: '深色',
  },
  saved: '设置已保存。',
}

export default zhCN
