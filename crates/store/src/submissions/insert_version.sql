INSERT INTO submission_versions (id, profile_id, course_id, task_id, number, source, markdown, attachments, submitted_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
