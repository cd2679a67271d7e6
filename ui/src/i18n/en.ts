// English. Typed against the zh-CN schema so a missing or extra key is a
// compile error, not a blank label at run time.
import type { MessageSchema } from './zh-CN'

const en: MessageSchema = {
  app: {
    name: 'Qunxue',
    tagline: 'Community operations training',
    skipToContent: 'Skip to content',
    mainNav: 'Main navigation',
    home: 'Course outline',
    documentTitle: '{page} · Qunxue',
  },
  course: {
    byOrganisation: 'By {organisation}',
    switcherLabel: 'Switch course',
    progressLabel: 'Course progress',
    progressSummary: '{completed} of {total} modules completed',
    progressPercent: '{percent}%',
    continue: 'Continue: {title}',
    start: 'Start: {title}',
    allDone: 'Well done — you have completed every module in this course.',
  },
  section: {
    theory: 'Theory',
    practice: 'Hands-on practice',
    case: 'Case studies',
    moduleCount: '{count} modules',
  },
  kind: {
    theory: 'Theory',
    practice: 'Practice',
    case: 'Case study',
  },
  module: {
    number: 'Lesson {number}',
    minutes: 'About {minutes} min',
    objectives: 'Learning objectives',
    breadcrumb: 'Breadcrumb',
    previous: 'Previous lesson',
    next: 'Next lesson',
    pagination: 'Previous and next lessons',
    markComplete: 'Mark as completed',
    completing: 'Saving…',
    completed: 'Lesson completed',
    completedAnnouncement: 'This lesson is marked as completed.',
    completeFailed: 'Could not save completion: {message}',
    externalLink: 'This link points to an external website and cannot be opened inside Qunxue while offline: {url}',
  },
  status: {
    not_started: 'Not started',
    in_progress: 'In progress',
    completed: 'Completed',
  },
  state: {
    loading: 'Loading…',
    emptyTitle: 'No courses installed yet',
    emptyHint: 'Ask your training lead for a course pack (a folder or a .zip); once an administrator imports it you can start learning.',
    errorTitle: 'Something went wrong',
    errorDetail: 'Details: {message}',
    retry: 'Try again',
    backToOutline: 'Back to the course outline',
  },
  error: {
    not_found: {
      title: 'This content could not be found',
      hint: 'The course may have been updated or removed. Go back to the outline and choose again.',
    },
    invalid_input: {
      title: 'That request was not valid',
      hint: 'Go back to the course outline and open it from the list.',
    },
    database: {
      title: 'Your learning record cannot be read or saved right now',
      hint: 'Close any other Qunxue windows and try again; if it still fails, restart Qunxue.',
    },
    io: {
      title: 'The course files could not be read',
      hint: 'The course files may be incomplete or moved. Try again, or ask an administrator to re-import the course pack.',
    },
    internal: {
      title: 'Qunxue ran into an unexpected error',
      hint: 'Try again; if it keeps happening, restart Qunxue and tell your training lead.',
    },
    forbidden: {
      title: 'Your current role cannot do this',
      hint: 'Switch to a role with the right permissions and try again.',
    },
  },
}

export default en
