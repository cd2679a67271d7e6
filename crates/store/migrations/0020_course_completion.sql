-- A course's completion rule (course.toml `[completion]`, issue 30): the
-- practice tasks to be graded at or above a level and the surveys to be
-- answered, besides every module and graded quiz. JSON as the pack wrote it.
CREATE TABLE course_completion_rules (
    course_id TEXT PRIMARY KEY REFERENCES courses(id) ON DELETE CASCADE,
    rule      TEXT NOT NULL
) STRICT;
