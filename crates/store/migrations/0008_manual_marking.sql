-- Immediate-feedback quizzes: once a learner has seen the feedback on an
-- answer (`checked_at` set), the backend refuses to change that answer.
-- Short answers graded by a person: who graded, when, and the comment the
-- learner sees beside the score (`manual_score` has existed since 0003).

ALTER TABLE attempt_answers ADD COLUMN manual_comment TEXT;
ALTER TABLE attempt_answers ADD COLUMN graded_by TEXT REFERENCES profiles(id) ON DELETE SET NULL;
ALTER TABLE attempt_answers ADD COLUMN graded_at TEXT;
ALTER TABLE attempt_answers ADD COLUMN checked_at TEXT;
