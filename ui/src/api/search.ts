// Full-text search. Snippets arrive as plain-text segments flagged `hit`:
// the UI renders them as text (hits inside <mark>), never as HTML.
import { call } from './client'

export interface Segment {
  text: string
  hit: boolean
}

export interface SearchHit {
  kind: 'module' | 'note' | 'question'
  courseId: string
  courseTitle: string
  moduleId: string | null
  anchor: string | null
  refId: string | null
  title: Segment[]
  heading: Segment[]
  snippet: { segments: Segment[]; cutBefore: boolean; cutAfter: boolean }
}

export interface SearchResults {
  query: string
  terms: string[]
  partial: boolean
  hits: SearchHit[]
}

let prepared = false

/**
 * Lets the backend load its word dictionary ahead of the first search (it
 * is not loaded at start-up, to keep idle memory down). Once per session;
 * a failure only means the first search is a little slower.
 */
export function prepareSearch(): void {
  if (prepared) return
  prepared = true
  call<void>('prepare_search').catch(() => {
    prepared = false
  })
}

export function search(query: string): Promise<SearchResults> {
  return call<SearchResults>('search', { query })
}
