// What went wrong in the background (the banner above every screen, the
// badge on the settings cog) and the log files under 设置.
const zhCN = {
  bannerLabel: '需要注意的问题',
  settingsWithBadge: '设置（有需要注意的问题）',
  badge: '有需要注意的问题',
  backup: {
    title: '自动备份失败',
    body: '上次备份没有完成（{at}），之后的学习记录还没有备份。',
    action: '去“设置 → 备份”立即备份',
  },
  sync: {
    title: '学习记录还没有发送',
    learnerBody: '有 {pending} 条学习记录在本机等待发送，联网后会自动补发，不会丢失。',
    staffBody: '连接公司学习记录库（LRS）失败，已连续失败 {attempts} 次（自 {since} 起），{pending} 条记录等待发送。下次重试：{next}。',
    action: '去“设置 → 学习记录同步”检查连接',
  },
  database: {
    title: '数据库检查未通过',
    body: '启动时的完整性检查发现问题，请从备份恢复。',
    action: '打开恢复页面',
  },
  detail: '错误信息：{detail}',
  dismiss: '暂时隐藏',
  logs: {
    title: '运行日志',
    intro: '出现问题时，技术支持需要这些日志。日志只记录档案编号，不记录姓名和作答内容。',
    folder: '日志文件夹：{folder}',
    open: '打开日志文件夹',
    export: '导出日志…',
    exported: '已导出 {count} 个日志文件',
    fileName: '群学日志',
  },
}

export default zhCN
