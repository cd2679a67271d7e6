-- Instructor-only content and the course glossary (issue 30).
--
-- A module is for everyone ('learner', what every module before this was)
-- or for instructors only. `html` is what learners are served: for a module
-- with `::: instructor` blocks it is rendered without them, and
-- `instructor_html` keeps the whole module for instructors (NULL when the
-- module has no blocks, so instructors get `html` like everyone else).
ALTER TABLE modules ADD COLUMN audience TEXT NOT NULL DEFAULT 'learner'
    CHECK (audience IN ('learner', 'instructor'));
ALTER TABLE modules ADD COLUMN instructor_html TEXT;

-- A course's glossary, replaced whole on every import: nothing a learner
-- does points at a term, so there is nothing to archive.
CREATE TABLE glossary_terms (
    course_id TEXT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    id        TEXT NOT NULL,
    position  INTEGER NOT NULL,
    body      TEXT NOT NULL,              -- JSON: the pack's term
    PRIMARY KEY (course_id, id)
) STRICT;
