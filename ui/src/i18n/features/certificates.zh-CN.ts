// Course certificates: the button on the course outline and the export choices.
const zhCN = {
  title: '结业证书',
  ready: '你已完成本课程的全部模块并通过了全部测验，可以导出结业证书。',
  issued: '证书验证码：{code}（颁发日期 {date}）',
  exportPdf: '导出 PDF 证书',
  exportBadge: '导出开放徽章（Open Badges 3.0）',
  exporting: '正在导出…',
  pdfFilter: 'PDF 文件',
  badgeFilter: '开放徽章 JSON',
  fileName: '结业证书-{course}',
  exported: '证书已保存到 {path}',
  notYet: '完成全部模块并通过全部测验后可获得结业证书。',
  remaining: '还差：{modules} 个模块、{quizzes} 个测验',
  taskToReach: '实操作业「{title}」的成绩需达到 {min}%（目前：{best}）',
  notGradedYet: '尚未评分',
  surveyToAnswer: '填写问卷「{title}」',
  failed: '导出没有完成：{message}',
}

export default zhCN
