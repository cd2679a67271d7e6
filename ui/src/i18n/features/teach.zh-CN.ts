// 讲师与管理员的教学工作台入口。
const teach = {
  nav: '教学',
  title: '教学工作台',
  intro: '讲师和管理员在这里批改作业与简答题、分析题目质量、评估培训效果。学员档案看不到这些功能，后台也会拒绝学员的操作。',
  tasks: '作业批改',
  tasksHint: '按课程、作业、状态筛选学员提交的实操作业，对照评分量表打分、写评语、双评与仲裁。',
  shortAnswers: '简答题批改',
  shortAnswersHint: '学员交卷后的简答题在这里等你给分，分数立即计入测验成绩。',
  impact: '效果评估',
  impactHint: '建立评估项目，导入培训前后的业务数据，生成反应、知识、行为、业务四个层级的效果报告。',
  analysis: '题目分析',
  analysisHint: '在任意测验的介绍页点击“题目分析”，查看每道题的难度、区分度和选项分布，可导出 CSV 或 Excel。',
  analysisLink: '题目分析',
}

export default teach
