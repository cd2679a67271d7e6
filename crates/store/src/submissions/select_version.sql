SELECT id, profile_id, course_id, task_id, number, source, markdown, attachments, submitted_at
FROM submission_versions
