// Simplified Chinese: the default language and the source of truth for the
// key set (en.ts must have exactly the same keys; a type and a test check it).
// vue-i18n treats { } @ $ | as syntax, so messages avoid them except for
// named placeholders.
const zhCN = {
  app: {
    name: '群学',
    tagline: '社群运营培训',
    skipToContent: '跳到正文',
    mainNav: '主导航',
    home: '课程目录',
    documentTitle: '{page} · 群学',
  },
  course: {
    byOrganisation: '出品：{organisation}',
    switcherLabel: '切换课程',
    progressLabel: '课程进度',
    progressSummary: '已完成 {completed} / {total} 个模块',
    progressPercent: '{percent}%',
    continue: '继续学习：{title}',
    start: '开始学习：{title}',
    allDone: '恭喜，本课程的全部模块都已完成。',
  },
  section: {
    theory: '理论学习',
    practice: '实操演练',
    case: '案例研讨',
    moduleCount: '{count} 个模块',
  },
  kind: {
    theory: '理论',
    practice: '实操',
    case: '案例',
  },
  module: {
    number: '第 {number} 课',
    minutes: '约 {minutes} 分钟',
    objectives: '学习目标',
    breadcrumb: '位置',
    previous: '上一课',
    next: '下一课',
    pagination: '上一课与下一课',
    markComplete: '标记为已完成',
    completing: '正在保存…',
    completed: '已完成本课',
    completedAnnouncement: '本课已标记为已完成。',
    completeFailed: '没能保存完成状态：{message}',
    externalLink: '这是外部网站的链接，离线学习时无法在群学中打开：{url}',
  },
  status: {
    not_started: '未开始',
    in_progress: '学习中',
    completed: '已完成',
  },
  state: {
    loading: '正在加载…',
    emptyTitle: '还没有安装课程',
    emptyHint: '请向培训负责人索取课程包（文件夹或 .zip），由管理员导入后即可开始学习。',
    errorTitle: '出了点问题',
    errorDetail: '详细信息：{message}',
    retry: '重试',
    backToOutline: '返回课程目录',
  },
  error: {
    not_found: {
      title: '没有找到这部分内容',
      hint: '课程可能已经更新或被移除。请返回课程目录重新选择。',
    },
    invalid_input: {
      title: '请求的内容无效',
      hint: '请返回课程目录，从列表中重新打开。',
    },
    database: {
      title: '学习记录暂时无法读写',
      hint: '请关闭其他正在运行的群学窗口后重试；若仍失败，请重启群学。',
    },
    io: {
      title: '读取课程文件失败',
      hint: '课程文件可能不完整或已被移动。请重试，或请管理员重新导入课程包。',
    },
    internal: {
      title: '群学遇到了意外错误',
      hint: '请重试；如果问题持续出现，请重启群学并联系培训负责人。',
    },
    forbidden: {
      title: '当前身份无权进行此操作',
      hint: '请切换到有相应权限的身份后再试。',
    },
  },
}

export type MessageSchema = typeof zhCN

export default zhCN
