// Small pieces every screen shares: punctuation that differs between languages,
// the keyboard-shortcut help, the error and progress wording of long work.
const zhCN = {
  // Chinese punctuation is full width; English puts a space after the colon and before the bracket.
  colon: '：',
  parenthetical: '（{text}）',
  listSeparator: '、',
  fileLocation: '{file} 第 {line} 行第 {col} 列：{message}',
  // A part of a screen that failed while the rest works: what happened, then what to do.
  partFailed: '这部分内容没能读取（{message}）。请点“重试”；如果仍然不行，请重新打开群学。',
  // A link in course or learner text: nothing in it may navigate the window (useSafeLinks).
  links: {
    external: '这是外部网站的链接，离线学习时无法在群学中打开，可复制地址到浏览器中查看：{url}',
    refused: '这个链接无法在群学中打开。',
    saved: '已保存到 {path}',
  },
  shortcuts: {
    title: '键盘快捷键',
    open: '键盘快捷键（按 ? 打开）',
    everywhere: '所有页面',
    quiz: '答题',
    grading: '批改作业',
    help: '打开这份快捷键说明',
    search: '跳到搜索框',
    tab: '移到下一个 / 上一个可操作的位置',
    activate: '按下当前按钮或链接',
    escape: '关闭对话框或通知',
    criterion: '上一项 / 下一项评分标准',
    level: '为当前标准选择第几档',
    larger: '放大文字',
    smaller: '缩小文字',
    resetSize: '文字恢复标准大小',
    or: '或',
    to: '至',
  },
  // Teaching screens: the course menu and exporting a table to a file.
  course: '课程',
  exportXlsx: '导出 Excel',
  exportCsv: '导出 CSV',
  exportFailed: '导出失败：{message}',
  // Files dragged onto the window or opened with the app (useFileDrop).
  fileDrop: {
    release: '松开鼠标即可导入',
    chooseTitle: '要怎样导入这个文件？',
    chooseIntro: '这个页面可以用两种方式导入这个文件，请选择一种：',
    nowhere: '“{path}”不能在这里导入。课程包请在“课程库”导入；成绩包请打开对应的作业，在作业页面导入。',
    targets: {
      pack: '导入课程包',
      records: '导入学习记录包',
      submissions: '导入学员作业包',
      grades: '导入成绩包',
    },
  },
  // After a file is saved: open the file manager on it.
  showInFolder: '在文件夹中显示',
  revealFailed: '没能打开文件夹（{message}）。文件已保存在：{path}',
  // A figure as a percentage, and a figure there is none of yet.
  percent: '{value}%',
  missing: '—',
}

export default zhCN
