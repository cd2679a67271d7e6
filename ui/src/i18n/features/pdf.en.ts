// The in-app PDF viewer for a course's handouts.
import type zhCN from './pdf.zh-CN'

const en: typeof zhCN = {
  back: 'Back to the course',
  toolbar: 'PDF pages and zoom',
  previous: 'Previous page',
  next: 'Next page',
  page: 'Page {page} of {pages}',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  save: 'Save a copy…',
  pageImage: '{name}, page {page}',
}

export default en
