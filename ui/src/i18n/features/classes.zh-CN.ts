// Classes and learner records that travel between computers by file.
const zhCN = {
  title: '班级与学习记录',
  intro: {
    learner: '输入讲师发给你的班级代码，加入你的班级。不在讲师的电脑上学习时，把你的学习记录（进度、测验、问卷和作业）导出成记录包，用 U 盘交给讲师。',
    instructor: '为每期培训建一个班级，把班级代码发给学员；学员导出的学习记录包在这里导入，他们的进度、测验、简答和作业就会出现在本机的批改和报告里。',
  },
  mine: '我所在的班级',
  none: '还没有加入任何班级。',
  codeLabel: '班级代码',
  codePlaceholder: '例如 HD7K-2Q3M',
  join: '加入班级',
  joined: '已加入班级 {code}。',
  exportMine: '导出我的学习记录…',
  exported: '已导出学习记录到 {path}。',
  recordsFileName: '学习记录-{course}.zip',
  filter: '群学学习记录包',
  classes: '本课程的班级',
  noClasses: '还没有班级。',
  unnamed: '（名称待讲师的记录包带来）',
  nameLabel: '新班级名称',
  namePlaceholder: '例如 华东门店一期',
  create: '创建班级',
  created: '已创建班级“{name}”，班级代码 {code}。',
  importRecords: '导入学习记录包…',
  imported: '已导入“{signer}”的记录包：{learners} 位学员（新成员 {members} 位），新增 {added} 条记录。',
  alreadyImported: '这个记录包（来自“{signer}”）以前导入过，没有任何变化。',
}

export default zhCN
