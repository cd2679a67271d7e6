-- Assessment content imported from packs. Bodies are the pack's own models as
-- JSON so the format can grow without schema changes; the columns beside them
-- are what queries filter on. Like modules, items that a newer course version
-- drops are archived, never deleted, so attempts and grades that point at
-- them survive.

CREATE TABLE questions (
    course_id  TEXT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    bank_id    TEXT NOT NULL,
    type       TEXT NOT NULL,
    difficulty INTEGER NOT NULL,
    tags       TEXT NOT NULL,             -- JSON array of strings
    body       TEXT NOT NULL,             -- JSON: the whole question
    archived   INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    PRIMARY KEY (course_id, id)
) STRICT;

CREATE INDEX questions_by_bank ON questions(course_id, archived, bank_id);

-- Quizzes, practice tasks, rubrics, metric templates and surveys share one
-- shape (an id and a JSON body), so they share one table told apart by kind.
-- Records that point at one of them reference (course_id, kind, id) and pin
-- the kind with a CHECK, e.g. an attempt's kind is always 'quiz'.
CREATE TABLE course_items (
    course_id TEXT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (kind IN ('quiz', 'task', 'rubric', 'metric_template', 'survey')),
    id        TEXT NOT NULL,
    body      TEXT NOT NULL,
    archived  INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    PRIMARY KEY (course_id, kind, id)
) STRICT;
