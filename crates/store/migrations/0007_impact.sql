-- Business-impact studies (the fourth level of the training-effect report)
-- and reaction-survey responses (the first level).
--
-- A study compares a trained cohort (learners, teams or stores — "units")
-- before and after training, optionally against a control group. Its
-- metrics are copied from the course's metric templates when chosen, so a
-- later pack update cannot change the meaning of numbers already entered;
-- custom metrics have no template_id.

CREATE TABLE impact_studies (
    id                TEXT PRIMARY KEY,       -- UUID
    course_id         TEXT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    name              TEXT NOT NULL,
    unit_kind         TEXT NOT NULL CHECK (unit_kind IN ('learner', 'team', 'store')),
    -- Dates as YYYY-MM-DD, inclusive; the baseline ends before the post window starts.
    baseline_start    TEXT NOT NULL,
    baseline_end      TEXT NOT NULL,
    post_start        TEXT NOT NULL,
    post_end          TEXT NOT NULL,
    -- Phillips ROI inputs, in yuan; NULL until the admin enters them.
    programme_cost    REAL,
    monetised_benefit REAL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    CHECK (baseline_start <= baseline_end AND baseline_end < post_start AND post_start <= post_end)
) STRICT;

CREATE INDEX impact_studies_by_course ON impact_studies(course_id, created_at);

CREATE TABLE impact_metrics (
    study_id    TEXT NOT NULL REFERENCES impact_studies(id) ON DELETE CASCADE,
    id          TEXT NOT NULL,                -- the `metric` column of imports
    name        TEXT NOT NULL,
    unit        TEXT NOT NULL DEFAULT '',
    direction   TEXT NOT NULL CHECK (direction IN ('up', 'down')),
    aggregation TEXT NOT NULL CHECK (aggregation IN ('sum', 'mean', 'last')),
    template_id TEXT,                         -- NULL = custom metric
    position    INTEGER NOT NULL,
    PRIMARY KEY (study_id, id)
) STRICT;

-- Members of the trained cohort and of the control group.
CREATE TABLE impact_units (
    study_id  TEXT NOT NULL REFERENCES impact_studies(id) ON DELETE CASCADE,
    label     TEXT NOT NULL,                  -- learner id, team or store name
    arm       TEXT NOT NULL CHECK (arm IN ('treatment', 'control')),
    PRIMARY KEY (study_id, label)
) STRICT;

-- One value per unit, metric and period, already aggregated over the
-- period's window (NULL = known to be missing).
CREATE TABLE impact_observations (
    study_id    TEXT NOT NULL,
    unit        TEXT NOT NULL,
    metric_id   TEXT NOT NULL,
    period      TEXT NOT NULL CHECK (period IN ('before', 'after')),
    value       REAL,
    source      TEXT NOT NULL,                -- 'manual' or the imported file's name
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (study_id, unit, metric_id, period),
    FOREIGN KEY (study_id, unit) REFERENCES impact_units(study_id, label) ON DELETE CASCADE,
    FOREIGN KEY (study_id, metric_id) REFERENCES impact_metrics(study_id, id) ON DELETE CASCADE
) STRICT;

CREATE INDEX impact_observations_by_metric ON impact_observations(study_id, metric_id);

-- Answers to a course's reaction survey: one row per respondent and item.
CREATE TABLE survey_responses (
    course_id    TEXT NOT NULL,
    kind         TEXT NOT NULL DEFAULT 'survey' CHECK (kind = 'survey'),
    survey_id    TEXT NOT NULL,
    respondent   TEXT NOT NULL,               -- profile id, or a label from an imported sheet
    item_id      TEXT NOT NULL,
    rating       INTEGER,                     -- Likert items
    answer_text  TEXT,                        -- free-text items
    submitted_at TEXT NOT NULL,
    PRIMARY KEY (course_id, survey_id, respondent, item_id),
    FOREIGN KEY (course_id, kind, survey_id) REFERENCES course_items(course_id, kind, id) ON DELETE CASCADE,
    CHECK ((rating IS NULL) <> (answer_text IS NULL))
) STRICT;
