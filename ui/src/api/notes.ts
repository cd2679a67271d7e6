// Notes and bookmarks on modules, and the Markdown export of all notes.
import { call } from './client'

export interface NoteView {
  id: string
  courseId: string
  moduleId: string
  moduleTitle: string
  anchor: string | null
  quote: string | null
  body: string
  createdAt: string
  updatedAt: string
}

export interface ModuleNotes {
  notes: NoteView[]
  bookmarked: boolean
}

export interface NewNote {
  courseId: string
  moduleId: string
  body: string
  quote: string | null
  anchor: string | null
}

export function moduleNotes(courseId: string, moduleId: string): Promise<ModuleNotes> {
  return call<ModuleNotes>('module_notes', { courseId, moduleId })
}

export function addNote(note: NewNote): Promise<NoteView> {
  return call<NoteView>('add_note', { note })
}

export function updateNote(noteId: string, body: string): Promise<NoteView> {
  return call<NoteView>('update_note', { noteId, body })
}

export function deleteNote(noteId: string): Promise<void> {
  return call<void>('delete_note', { noteId })
}

export function setBookmark(courseId: string, moduleId: string, on: boolean): Promise<boolean> {
  return call<boolean>('set_bookmark', { courseId, moduleId, on })
}

/** Writes all notes as Markdown to a path picked in the save dialog. */
export function exportNotes(path: string): Promise<void> {
  return call<void>('export_notes', { path })
}

/**
 * A bookmarked module (Rust `store::bookmarks::Bookmark`: serialised
 * without a rename, so its keys are snake_case).
 */
export interface Bookmark {
  course_id: string
  module_id: string
  module_title: string
  /** ISO 8601. */
  created_at: string
}

/** The active profile's bookmarks across all courses. */
export function listBookmarks(): Promise<Bookmark[]> {
  return call<Bookmark[]>('list_bookmarks')
}
