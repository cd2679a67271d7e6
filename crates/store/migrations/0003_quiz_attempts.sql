-- Quiz attempts, their answers (one row per question, rewritten on every
-- save so a crash loses nothing already answered) and the spaced-review
-- cards of missed questions.

CREATE TABLE attempts (
    id           TEXT PRIMARY KEY,        -- UUID; the presentation seed comes from it
    profile_id   TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    course_id    TEXT NOT NULL,
    kind         TEXT NOT NULL DEFAULT 'quiz' CHECK (kind = 'quiz'),
    quiz_id      TEXT NOT NULL,
    number       INTEGER NOT NULL,        -- 1, 2, … per learner and quiz
    seed         INTEGER NOT NULL,        -- u64 stored bit for bit
    presentation TEXT NOT NULL,           -- JSON: core's Presentation
    started_at   TEXT NOT NULL,
    deadline_at  TEXT,                    -- NULL = no time limit
    submitted_at TEXT,
    -- 'expired': the deadline passed and the backend handed the attempt in.
    status       TEXT NOT NULL CHECK (status IN ('in_progress', 'submitted', 'expired')),
    score        REAL,
    max_score    REAL,
    percent      REAL,
    passed       INTEGER CHECK (passed IN (0, 1)),  -- NULL while short answers await grading
    UNIQUE (profile_id, course_id, quiz_id, number),
    FOREIGN KEY (course_id, kind, quiz_id) REFERENCES course_items(course_id, kind, id) ON DELETE CASCADE
) STRICT;

-- At most one attempt per learner and quiz is open.
CREATE UNIQUE INDEX attempts_one_open ON attempts(profile_id, course_id, quiz_id) WHERE status = 'in_progress';
CREATE INDEX attempts_by_quiz ON attempts(course_id, quiz_id, status);

CREATE TABLE attempt_answers (
    attempt_id   TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
    question_id  TEXT NOT NULL,
    answer       TEXT NOT NULL,           -- JSON: core's LearnerAnswer
    saved_at     TEXT NOT NULL,
    score        REAL NOT NULL,
    max_score    REAL NOT NULL,
    correct      INTEGER CHECK (correct IN (0, 1)),  -- NULL = manual grading
    manual_score REAL,
    PRIMARY KEY (attempt_id, question_id)
) STRICT;

CREATE TABLE review_cards (
    profile_id       TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    course_id        TEXT NOT NULL,
    question_id      TEXT NOT NULL,
    card             TEXT NOT NULL,       -- JSON: the FSRS card state
    due_at           TEXT NOT NULL,
    last_reviewed_at TEXT,
    PRIMARY KEY (profile_id, course_id, question_id),
    FOREIGN KEY (course_id, question_id) REFERENCES questions(course_id, id) ON DELETE CASCADE
) STRICT;

CREATE INDEX review_cards_due ON review_cards(profile_id, due_at);
