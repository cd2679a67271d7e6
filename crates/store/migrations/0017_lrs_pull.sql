-- Reading a class back from the Learning Record Store (issue 22).
--
-- `lrs_statements` mirrors the statements pulled for a course: kept so a
-- pull killed half-way resumes without losing pages, and so each learner's
-- records are rebuilt from all of their statements at once (a quiz's answers
-- and its hand-in may arrive on different pages or in different pulls).
-- `lrs_pulls` remembers, per LRS and course, where an unfinished pull stopped
-- (the LRS's `more` link) and when the last one finished.

CREATE TABLE lrs_statements (
    id         TEXT PRIMARY KEY,       -- the statement's UUID
    course_id  TEXT NOT NULL,
    profile_id TEXT NOT NULL,          -- the actor's account name
    body       TEXT NOT NULL,          -- the statement as JSON
    pulled_at  TEXT NOT NULL
) STRICT;

CREATE INDEX lrs_statements_by_course ON lrs_statements(course_id, profile_id);

CREATE TABLE lrs_pulls (
    endpoint     TEXT NOT NULL,
    course_id    TEXT NOT NULL,
    next_url     TEXT,                 -- set while a pull is unfinished
    completed_at TEXT,
    PRIMARY KEY (endpoint, course_id)
) STRICT;
