// The in-app PDF viewer for a course's handouts.
const zhCN = {
  back: '返回课程',
  toolbar: 'PDF 翻页与缩放',
  previous: '上一页',
  next: '下一页',
  page: '第 {page} / {pages} 页',
  zoomIn: '放大',
  zoomOut: '缩小',
  save: '另存一份…',
  pageImage: '{name} 第 {page} 页',
}

export default zhCN
