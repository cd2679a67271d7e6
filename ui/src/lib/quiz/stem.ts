// Fill-in-the-blank stems mark each blank with `____`. In the sanitised HTML
// we swap each marker for a numbered placeholder, so "blank 2" in the stem
// and the second input below it visibly belong together.

const MARKER = /_{3,}/g

/** Text made safe to place in HTML (options of a pack question are plain text). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/**
 * Replaces the blank markers in the text of `html` (never inside tags) with
 * `<span class="quiz-blank">label(n)</span>`, n counting from 1.
 */
export function markBlanks(html: string, label: (number: number) => string): string {
  let count = 0
  return html
    .split(/(<[^>]*>)/)
    .map((part) =>
      part.startsWith('<')
        ? part
        : part.replace(MARKER, () => `<span class="quiz-blank">${escapeHtml(label(++count))}</span>`),
    )
    .join('')
}
