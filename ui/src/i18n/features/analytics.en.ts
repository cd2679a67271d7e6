// Teaching → grading analytics: distributions, marker agreement, marker figures, gradebook.
import type zhCN from './analytics.zh-CN'

const en: typeof zhCN = {
  nav: 'Grading analytics',
  hubHint:
    'How many grades fell on each level of every criterion, how far two markers agree under double marking (weighted kappa, exact and adjacent agreement), each marker’s figures, and the gradebook export.',
  title: 'Grading analytics',
  intro: 'From released task grades and the marks instructors completed.',
  gradebook: 'Gradebook',
  gradebookHint: 'One row per learner and task, one column per criterion, then the grade and the maximum.',
  gradebookFile: 'gradebook-{course}',
  exported: 'Exported {rows} rows to {path}',
  distributions: {
    title: 'Score distributions by criterion',
    none: 'No task grade has been released in this course yet.',
    label: 'Bar chart: grades per level, {task} · {criterion}',
    summary: '{total} grades: {levels}.',
    level: '{label} {count}',
    levelColumn: 'Level',
    countColumn: 'Grades',
  },
  agreement: {
    title: 'Marker agreement',
    intro:
      'Under double marking two instructors mark each submission independently. For every criterion their levels are compared: the share on the same level, the share at most one level apart, and weighted kappa (1 is perfect agreement, 0 no better than chance).',
    task: 'Task',
    noTasks: 'This course has no tasks yet.',
    none: 'No submission of this task has been marked by two instructors yet.',
    caption: '{task}: marker agreement per criterion',
    criterion: 'Criterion',
    pairs: 'Double-marked',
    exact: 'Exact agreement',
    adjacent: 'Adjacent agreement',
    kappaLinear: 'Kappa (linear)',
    kappaQuadratic: 'Kappa (quadratic)',
    pairsTitle: 'The double marks behind each criterion',
    pairsSummary: {
      one: '{criterion}: {count} double-marked submission',
      other: '{criterion}: {count} double-marked submissions',
    },
    pairsCaption: '{criterion}: the level each marker chose on every double-marked submission',
    learner: 'Learner',
    firstMarker: 'First marker',
    secondMarker: 'Second marker',
    outcome: 'Agreement',
    markerLevel: '{marker}: {level}',
    levelNumber: 'Level {number}',
    agree: 'Agree',
    levelsApart: {
      one: 'Disagree ({count} level apart)',
      other: 'Disagree ({count} levels apart)',
    },
    unknownLearner: '(unknown learner)',
  },
  graders: {
    title: 'Markers',
    none: 'No instructor has completed a mark yet.',
    caption: 'Grades of each marker’s completed marks',
    marker: 'Marker',
    n: 'Marks',
    mean: 'Mean',
    sd: 'SD',
    min: 'Lowest',
    max: 'Highest',
  },
}

export default en
