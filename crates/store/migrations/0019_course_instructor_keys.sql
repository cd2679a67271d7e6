-- The instructors' public keys a course names (course.toml
-- `instructor_keys`, issue 26): when a course names any, learners' machines
-- accept its grades bundles from those keys only.
CREATE TABLE course_instructor_keys (
    course_id  TEXT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    public_key TEXT NOT NULL,             -- 64 lower-case hex digits
    PRIMARY KEY (course_id, public_key)
) STRICT;
