// Small pieces every screen shares: punctuation that differs between languages,
// the keyboard-shortcut help, the error and progress wording of long work.
import type zhCN from './common.zh-CN'

const en: typeof zhCN = {
  colon: ': ',
  parenthetical: ' ({text})',
  listSeparator: ', ',
  fileLocation: '{file}, line {line}, column {col}: {message}',
  partFailed: 'This part could not be loaded ({message}). Choose “Try again”; if it keeps failing, restart Qunxue.',
  links: {
    external: 'This link points to an external website and cannot be opened inside Qunxue while offline; copy the address into a browser to view it: {url}',
    saved: 'Saved to {path}',
    refused: 'This link cannot be opened in Qunxue.',
  },
  shortcuts: {
    title: 'Keyboard shortcuts',
    open: 'Keyboard shortcuts (press ?)',
    everywhere: 'Everywhere',
    quiz: 'Quizzes',
    grading: 'Grading practice tasks',
    help: 'Open this list of shortcuts',
    search: 'Jump to the search box',
    tab: 'Move to the next / previous control',
    activate: 'Press the focused button or link',
    escape: 'Close a dialog or notification',
    criterion: 'Previous / next rubric criterion',
    level: 'Choose that level for the current criterion',
    larger: 'Larger text',
    smaller: 'Smaller text',
    resetSize: 'Standard text size',
    or: 'or',
    to: 'to',
  },
  course: 'Course',
  exportXlsx: 'Export Excel',
  exportCsv: 'Export CSV',
  // Files dragged onto the window or opened with the app (useFileDrop).
  fileDrop: {
    release: 'Release to import',
    chooseTitle: 'How should this file be imported?',
    chooseIntro: 'This screen can import this file in two ways; choose one:',
    nowhere: '“{path}” cannot be imported here. Import course packs in the Library; open the task a grades bundle belongs to and import it there.',
    targets: {
      pack: 'Import a course pack',
      records: 'Import a learner records bundle',
      submissions: 'Import learners’ submissions bundle',
      grades: 'Import a grades bundle',
    },
  },
  // After a file is saved: open the file manager on it.
  showInFolder: 'Show in folder',
  revealFailed: 'Could not open the folder ({message}). The file is saved at {path}',
  exportFailed: 'Export failed: {message}',
  // A figure as a percentage, and a figure there is none of yet.
  percent: '{value}%',
  missing: '—',
}

export default en
