-- What a learner keeps while studying: notes and bookmarks per module, the
-- active study time and last reading position of each opened module, and
-- the full-text search index over modules, notes and questions.

-- A note on a module, optionally quoting the text the learner selected and
-- pinned to the heading it was written under.
CREATE TABLE notes (
    id         TEXT PRIMARY KEY,          -- UUID
    profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    course_id  TEXT NOT NULL,
    module_id  TEXT NOT NULL,
    anchor     TEXT,                      -- heading id in the rendered module (qx-…)
    quote      TEXT,                      -- the highlighted passage, as plain text
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    FOREIGN KEY (course_id, module_id) REFERENCES modules(course_id, id) ON DELETE CASCADE
) STRICT;

CREATE INDEX notes_by_module ON notes(profile_id, course_id, module_id, created_at);

CREATE TABLE bookmarks (
    profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    course_id  TEXT NOT NULL,
    module_id  TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (profile_id, course_id, module_id),
    FOREIGN KEY (course_id, module_id) REFERENCES modules(course_id, id) ON DELETE CASCADE
) STRICT;

-- Study time and reading position live beside the module's status. Time is
-- credited by the backend from heartbeats: only the gap between two beats
-- close enough together counts, so time away from the screen never does.
ALTER TABLE module_progress ADD COLUMN active_seconds INTEGER NOT NULL DEFAULT 0 CHECK (active_seconds >= 0);
ALTER TABLE module_progress ADD COLUMN last_beat_at TEXT;
ALTER TABLE module_progress ADD COLUMN position_anchor TEXT;
ALTER TABLE module_progress ADD COLUMN position_ratio REAL CHECK (position_ratio BETWEEN 0 AND 1);

-- Wrong PINs per profile, so guessing is slowed down in the backend: after
-- a run of failures the profile stays locked until `locked_until`.
CREATE TABLE pin_failures (
    profile_id   TEXT PRIMARY KEY REFERENCES profiles(id) ON DELETE CASCADE,
    failures     INTEGER NOT NULL CHECK (failures >= 0),
    locked_until TEXT
) STRICT;

-- One searchable document: a module section (under one heading), a note or
-- a question. The original text is kept here for snippets; the FTS table
-- beside it holds the same fields as space-joined jieba tokens.
CREATE TABLE search_docs (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('module', 'note', 'question')),
    course_id  TEXT NOT NULL,
    module_id  TEXT,                      -- module sections and notes
    anchor     TEXT,                      -- heading id to scroll to
    ref_id     TEXT,                      -- the note's or question's id
    profile_id TEXT,                      -- notes: only their author finds them
    title      TEXT NOT NULL,
    heading    TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL
) STRICT;

CREATE INDEX search_docs_by_source ON search_docs(kind, course_id, module_id);
CREATE INDEX search_docs_by_ref ON search_docs(kind, ref_id);

-- unicode61 splits on the spaces we put between jieba's words and folds
-- ASCII case, so "KOC" and "koc" match.
CREATE VIRTUAL TABLE search_fts USING fts5(title, heading, body, tokenize = 'unicode61');

-- Deleting the source deletes its documents, whichever way it goes (a
-- removed course cascades to its modules, questions and notes; a deleted
-- profile to its notes), so the index can never point at something gone.
CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN
    DELETE FROM search_fts WHERE rowid = old.id;
END;

CREATE TRIGGER search_notes_delete AFTER DELETE ON notes BEGIN
    DELETE FROM search_docs WHERE kind = 'note' AND ref_id = old.id;
END;

CREATE TRIGGER search_modules_delete AFTER DELETE ON modules BEGIN
    DELETE FROM search_docs WHERE kind = 'module' AND course_id = old.course_id AND module_id = old.id;
END;

CREATE TRIGGER search_questions_delete AFTER DELETE ON questions BEGIN
    DELETE FROM search_docs WHERE kind = 'question' AND course_id = old.course_id AND ref_id = old.id;
END;

-- Which segmentation rules built the index (one row at most). A database
-- with no course yet has nothing to index, so its empty index is current; one
-- that already holds courses gets no row and is indexed from them on the
-- first search. The app compares the value with its INDEX_VERSION.
CREATE TABLE search_index_state (
    version TEXT NOT NULL
) STRICT;

INSERT INTO search_index_state (version) SELECT '1' WHERE NOT EXISTS (SELECT 1 FROM courses);
