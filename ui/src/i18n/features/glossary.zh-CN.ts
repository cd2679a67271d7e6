// The course glossary: one definition per term and metric.
const zhCN = {
  title: '术语表',
  open: '术语表（{count} 个术语）',
  back: '返回课程',
  intro: '本课程定义的 {count} 个术语与指标。课程正文中带虚线的词会链接到这里。',
  filter: '查找术语',
  aliases: '又称：{names}',
  aliasSeparator: '、',
  formula: '公式',
  unitValue: '（单位：{unit}）',
  emptyTitle: '本课程没有术语表',
  emptyHint: '课程包中没有 glossary.toml。',
  noMatch: '没有符合条件的术语。',
}

export default zhCN
