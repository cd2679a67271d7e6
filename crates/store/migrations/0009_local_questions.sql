-- Questions an instructor imports on this machine (GIFT or Aiken files) and
-- the practice quizzes made from them. They live beside the pack's own
-- questions and quizzes, told apart by `origin`, so that installing a newer
-- version of the course archives only what the pack itself no longer has and
-- leaves the instructor's local additions in place.

ALTER TABLE questions ADD COLUMN origin TEXT NOT NULL DEFAULT 'pack' CHECK (origin IN ('pack', 'local'));
ALTER TABLE course_items ADD COLUMN origin TEXT NOT NULL DEFAULT 'pack' CHECK (origin IN ('pack', 'local'));

-- Who imported a local quiz, from which file and when: shown on the
-- instructor's list so a wrong import can be traced and archived.
CREATE TABLE local_quiz_sources (
    course_id   TEXT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    quiz_id     TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    format      TEXT NOT NULL CHECK (format IN ('gift', 'aiken')),
    imported_by TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (course_id, quiz_id)
) STRICT;
