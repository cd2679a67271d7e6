INSERT INTO task_drafts (profile_id, course_id, task_id, markdown, attachments, saved_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6)
ON CONFLICT (profile_id, course_id, task_id) DO UPDATE SET
    markdown = excluded.markdown,
    attachments = excluded.attachments,
    saved_at = excluded.saved_at
