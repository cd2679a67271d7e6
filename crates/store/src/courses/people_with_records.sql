-- How many different people hold records in one course: every table whose
-- rows a course removal deletes with it (reading progress, attempts,
-- answers under review, notes, bookmarks, task work and survey answers).
SELECT COUNT(DISTINCT person) FROM (
    SELECT profile_id AS person FROM module_progress WHERE course_id = ?1
    UNION SELECT profile_id FROM attempts WHERE course_id = ?1
    UNION SELECT profile_id FROM notes WHERE course_id = ?1
    UNION SELECT profile_id FROM bookmarks WHERE course_id = ?1
    UNION SELECT profile_id FROM task_drafts WHERE course_id = ?1
    UNION SELECT profile_id FROM submission_versions WHERE course_id = ?1
    UNION SELECT respondent FROM survey_responses WHERE course_id = ?1
)
