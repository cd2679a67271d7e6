-- When a course's platform rules and laws were last checked (course.toml
-- `reviewed`, issue 30): shown to learners on the outline.
CREATE TABLE course_reviews (
    course_id   TEXT PRIMARY KEY REFERENCES courses(id) ON DELETE CASCADE,
    reviewed_on TEXT NOT NULL             -- YYYY-MM-DD
) STRICT;
