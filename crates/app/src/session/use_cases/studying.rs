//! Reading, studying, searching and notes: a learner's own work.

use std::path::Path;

use qunxue_store::bookmarks::Bookmark;

use crate::glossary::{self, GlossaryTerm};
use crate::learner_record;
use crate::notes::{self, ModuleNotes, NewNote, NoteView};
use crate::reading::{self, ModuleEntry, ModuleView, Outline};
use crate::search::{self, SearchResults};
use crate::session::{Action, Session};
use crate::study::{self, Heartbeat, Home, ReadingPosition};
use crate::{AppError, Result};

impl Session {
    /// The course outline for the acting profile; instructor-only modules for instructors only.
    pub fn course_outline(&self, course_id: &str) -> Result<Outline> {
        let access = self.authorise(Action::Read)?;
        reading::outline(&access.store, access.profile(), access.caller.readers(), course_id)
    }

    /// The course's glossary: every term with its definition.
    pub fn course_glossary(&self, course_id: &str) -> Result<Vec<GlossaryTerm>> {
        let a = self.authorise(Action::Read)?;
        glossary::glossary(&a.store, course_id)
    }

    /// Opens a module for reading and records the opening; instructors get its instructor blocks.
    pub fn open_module(&self, course_id: &str, module_id: &str) -> Result<ModuleView> {
        let mut a = self.authorise(Action::Read)?;
        let readers = a.caller.readers();
        reading::open_module(&mut a.store, &a.caller.profile_id, readers, course_id, module_id, a.now)
    }

    /// Marks a module completed for the acting learner.
    pub fn complete_module(&self, course_id: &str, module_id: &str) -> Result<ModuleEntry> {
        let mut a = self.authorise(Action::Study)?;
        let readers = a.caller.readers();
        reading::complete_module(&mut a.store, &a.caller.profile_id, readers, course_id, module_id, a.now)
    }

    /// Searches modules, the acting learner's own notes and, for instructors, questions.
    pub fn search(&self, query: &str) -> Result<SearchResults> {
        let mut a = self.authorise(Action::Search)?;
        search::search(&mut a.store, &a.caller.profile_id, query)
    }

    /// Loads the word-segmentation dictionary in the background, so the
    /// first search does not wait for it.
    pub fn prepare_search(&self) -> Result<()> {
        drop(self.authorise(Action::Search)?);
        std::thread::spawn(search::warm_up);
        Ok(())
    }

    /// The acting learner's notes on a module and whether it is bookmarked.
    pub fn module_notes(&self, course_id: &str, module_id: &str) -> Result<ModuleNotes> {
        let a = self.authorise(Action::KeepNotes)?;
        notes::module_notes(&a.store, a.profile(), course_id, module_id)
    }

    /// Saves a new note of the acting learner's on a module.
    pub fn add_note(&self, note: &NewNote) -> Result<NoteView> {
        let mut a = self.authorise(Action::KeepNotes)?;
        notes::add_note(&mut a.store, &a.caller.profile_id, note, a.now)
    }

    /// Replaces the text of one of the acting learner's own notes.
    pub fn update_note(&self, note_id: &str, body: &str) -> Result<NoteView> {
        let mut a = self.authorise(Action::KeepNotes)?;
        notes::update_note(&mut a.store, &a.caller.profile_id, note_id, body, a.now)
    }

    /// Deletes one of the acting learner's own notes.
    pub fn delete_note(&self, note_id: &str) -> Result<()> {
        let mut a = self.authorise(Action::KeepNotes)?;
        notes::delete_note(&mut a.store, &a.caller.profile_id, note_id)
    }

    /// Sets or clears the acting learner's bookmark on a module; returns the new state.
    pub fn set_bookmark(&self, course_id: &str, module_id: &str, on: bool) -> Result<bool> {
        let mut a = self.authorise(Action::KeepNotes)?;
        notes::set_bookmark(&mut a.store, &a.caller.profile_id, course_id, module_id, on, a.now)
    }

    /// The acting learner's bookmarks, across every course.
    pub fn list_bookmarks(&self) -> Result<Vec<Bookmark>> {
        let a = self.authorise(Action::KeepNotes)?;
        notes::list_bookmarks(&a.store, a.profile())
    }

    /// Writes the acting learner's notes as one Markdown file.
    pub fn export_notes(&self, path: &Path) -> Result<()> {
        let a = self.authorise(Action::KeepNotes)?;
        let name = qunxue_store::profiles::get(a.store.conn(), a.profile())?.display_name;
        let markdown = notes::export_notes_markdown(&a.store, a.profile(), &name)?;
        std::fs::write(path, markdown).map_err(AppError::write(path))
    }

    /// A study heartbeat from the module screen; credits the time since the previous one if recent enough.
    pub fn study_heartbeat(&self, course_id: &str, module_id: &str) -> Result<Heartbeat> {
        let mut a = self.authorise(Action::Study)?;
        study::heartbeat(&mut a.store, &a.caller.profile_id, course_id, module_id, a.now)
    }

    /// Remembers where the acting learner is in a module.
    pub fn save_reading_position(&self, course_id: &str, module_id: &str, position: &ReadingPosition) -> Result<()> {
        let mut a = self.authorise(Action::Study)?;
        study::save_position(&mut a.store, &a.caller.profile_id, course_id, module_id, position)
    }

    /// Where the acting learner stopped reading a module, if they have been there.
    pub fn reading_position(&self, course_id: &str, module_id: &str) -> Result<Option<ReadingPosition>> {
        let a = self.authorise(Action::Study)?;
        study::reading_position(&a.store, a.profile(), course_id, module_id)
    }

    /// The acting learner's home screen summary.
    pub fn home_summary(&self) -> Result<Home> {
        let a = self.authorise(Action::Study)?;
        study::home(&a.store, a.profile(), a.now)
    }

    /// The acting learner's own record as a spreadsheet.
    pub fn export_learner_record(&self, path: &Path) -> Result<()> {
        let a = self.authorise(Action::ExportOwnRecords)?;
        learner_record::export_learner_record(&a.store, a.profile(), path)
    }
}
