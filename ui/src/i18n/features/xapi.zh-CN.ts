// Settings → learning record store (xAPI): where learning records are sent and how sending stands.
const zhCN = {
  title: '学习记录同步（xAPI）',
  intro: '学习、测验和作业记录会先保存在这台电脑上，联网后自动发送到公司的学习记录服务器（LRS），断网期间不会丢失。',
  status: {
    title: '同步状态',
    pending: '待发送 {count} 条',
    sent: '已发送 {count} 条',
    lastSuccess: '上次成功同步：{time}',
    never: '尚未成功同步过',
    lastError: '上次出错（{time}）：{message}',
    notConfigured: '还没有设置学习记录服务器，记录会一直保存在本机，设置后再发送。',
  },
  form: {
    endpoint: '服务器地址',
    endpointHint: 'LRS 的 xAPI 根地址，例如 https://lrs.example.com/xAPI，必须以 https:// 开头（http:// 只能用于本机），留空则不发送。更换地址后需要重新输入密码。',
    username: '账号',
    password: '密码',
    passwordKept: '已保存密码（留空则保持不变）',
    passwordHint: {
      keyring: '密码保存在系统的凭据库（钥匙串）中，不进数据库和备份，也不会再显示出来。',
      file: '这台电脑没有系统凭据库：密码保存在数据库旁一个只有本账户能读的文件里，不进数据库和备份，也不会再显示出来。',
    },
    iriBase: '活动标识前缀（IRI）',
    iriBaseHint: '课程、模块、测验的 xAPI 标识都以此开头，同一公司的所有电脑应填写相同的值。',
    save: '保存设置',
    saving: '正在保存…',
    saved: '学习记录服务器设置已保存。',
    marksArriveBy: '讲师批改的成绩如何回到学员电脑',
    marksBundle: '成绩包（私密模式）：学员的账号只能读取本机写入的记录，成绩由讲师导出的成绩包送达。',
    marksLrs: '学习记录服务器（公司模式）：学员电脑同步时取回关于本机学员的成绩。学员账号需要读取权限，这也意味着它能读到其他学员的记录。',
  },
  syncNow: '立即同步',
  syncing: '正在同步…',
  synced: '已发送 {sent} 条记录，剩余 {pending} 条。',
  syncedWithMarks: '已发送 {sent} 条记录，剩余 {pending} 条；取回 {marks} 项批改结果。',
  failed: '操作没有成功：{message}',
  adminOnly: '只有管理员可以修改这些设置。',
}

export default zhCN
