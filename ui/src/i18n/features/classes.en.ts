// Classes and learner records that travel between computers by file.
import type zhCN from './classes.zh-CN'

const en: typeof zhCN = {
  title: 'Class and learning records',
  intro: {
    learner:
      'Join your class with the code your instructor gives you. Not studying on the instructor’s computer? Export your learning records (progress, quizzes, survey and tasks) as a records bundle and hand it over on a USB stick.',
    instructor:
      'Create a class for each cohort and give learners its code. Import the records bundles learners export: their progress, quizzes, short answers and tasks then appear in marking and reports on this computer.',
  },
  mine: 'My classes',
  none: 'You have not joined a class yet.',
  codeLabel: 'Class code',
  codePlaceholder: 'e.g. HD7K-2Q3M',
  join: 'Join class',
  joined: 'Joined class {code}.',
  exportMine: 'Export my learning records…',
  exported: 'Exported your learning records to {path}.',
  recordsFileName: 'records-{course}.zip',
  filter: 'Qunxue records bundle',
  classes: 'Classes of this course',
  noClasses: 'No class yet.',
  unnamed: '(name arrives with the instructor’s bundle)',
  nameLabel: 'New class name',
  namePlaceholder: 'e.g. East region stores, cohort 1',
  create: 'Create class',
  created: 'Created “{name}” — class code {code}.',
  importRecords: 'Import a records bundle…',
  imported: 'Imported the bundle from “{signer}”: {learners} learners ({members} new members), {added} records added.',
  alreadyImported: 'This records bundle (from “{signer}”) was imported before; nothing changed.',
}

export default en
