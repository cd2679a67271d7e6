// Finding module headings in the page: the heading a node sits under (for a
// note's anchor) and the heading at the top of the screen (for the reading
// position). Heading ids come from the backend's renderer (`qx-…`).

/** Only the module text's own headings: panels around it have ids of their own. */
const MODULE_HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => `${h}[id^="qx-"]`).join(', ')

function headings(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(MODULE_HEADINGS)]
}

/** The id of the last heading before `node` in `container`, if any. */
export function headingBefore(node: Node, container: HTMLElement): string | null {
  let found: string | null = null
  for (const heading of headings(container)) {
    const position = heading.compareDocumentPosition(node)
    if (heading === node || heading.contains(node) || position & Node.DOCUMENT_POSITION_FOLLOWING) found = heading.id
    else break
  }
  return found
}

/** The id of the last heading scrolled past the top of the viewport (plus `offset` pixels). */
export function headingAtTop(container: HTMLElement, offset = 80): string | null {
  let found: string | null = null
  for (const heading of headings(container)) {
    if (heading.getBoundingClientRect().top <= offset) found = heading.id
    else break
  }
  return found
}

/** Scrolls the element with this id into view; false if there is none. */
export function scrollToHeading(id: string): boolean {
  const element = document.getElementById(id)
  if (!element) return false
  element.scrollIntoView({ block: 'start' })
  return true
}
