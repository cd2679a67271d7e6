-- Answer keys that a course update changed (issue 30). Attempts already
-- handed in keep the score they were given; each row says which question's
-- key changed between which versions, with the old question, until an
-- instructor regrades the attempts it affects (who and when, by name).
CREATE TABLE question_key_changes (
    course_id    TEXT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    question_id  TEXT NOT NULL,
    to_version   TEXT NOT NULL,
    from_version TEXT NOT NULL,
    changed_at   TEXT NOT NULL,
    old_body     TEXT NOT NULL,           -- JSON: the question before the update
    regraded_at  TEXT,
    regraded_by  TEXT,
    PRIMARY KEY (course_id, question_id, to_version)
) STRICT;
