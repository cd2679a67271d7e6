// The course glossary: one definition per term and metric.
import type zhCN from './glossary.zh-CN'

const en: typeof zhCN = {
  title: 'Glossary',
  open: 'Glossary ({count} terms)',
  back: 'Back to the course',
  intro: 'The {count} terms and metrics this course defines. Words with a dotted underline in the lessons link here.',
  filter: 'Find a term',
  aliases: 'Also: {names}',
  aliasSeparator: ', ',
  formula: 'Formula',
  unitValue: ' (unit: {unit})',
  emptyTitle: 'This course has no glossary',
  emptyHint: 'The course pack has no glossary.toml.',
  noMatch: 'No term matches.',
}

export default en
