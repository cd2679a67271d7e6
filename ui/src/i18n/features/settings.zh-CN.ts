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
  adminLog: {
    idleLabel: '讲师和管理员闲置多少分钟后自动锁定（0 = 不锁定）',
    idleSave: '保存',
    idleSaved: '已保存：闲置 {minutes} 分钟后锁定。',
    title: '管理员日志',
    hint: '谁在什么时候以管理员身份导入或移除课程、调整角色、删除档案或恢复备份。日志保存在数据库里，备份会一并带走。',
    empty: '还没有管理员操作。',
    when: '时间',
    who: '操作人',
    what: '操作',
    detail: '内容',
    actions: {
      import_pack: '导入课程',
      remove_course: '移除课程',
      add_profile: '添加档案',
      set_idle_lock: '修改闲置锁定时间',
      set_role: '调整角色',
      delete_profile: '删除档案',
      restore_backup: '恢复备份',
    },
  },
}

export default zhCN
