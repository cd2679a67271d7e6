// Course certificates: the button on the course outline and the export choices.
import type zhCN from './certificates.zh-CN'

const en: typeof zhCN = {
  title: 'Certificate of completion',
  ready: 'You have completed every module of this course and passed all its quizzes: your certificate is ready.',
  issued: 'Verification code: {code} (issued {date})',
  exportPdf: 'Export PDF certificate',
  exportBadge: 'Export Open Badge (Open Badges 3.0)',
  exporting: 'Exporting…',
  pdfFilter: 'PDF file',
  badgeFilter: 'Open Badge JSON',
  fileName: 'certificate-{course}',
  exported: 'Certificate saved to {path}',
  notYet: 'Complete every module and pass all quizzes to earn the certificate.',
  remaining: 'Still to do: {modules} modules, {quizzes} quizzes',
  taskToReach: 'Practice task “{title}” graded at {min}% or more (so far: {best})',
  notGradedYet: 'not graded yet',
  surveyToAnswer: 'Answer the survey “{title}”',
  failed: 'The export did not finish: {message}',
}

export default en
