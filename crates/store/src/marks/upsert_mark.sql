INSERT INTO marks (version_id, marker_id, marker_name, levels, comments, feedback, points, grade, status, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
ON CONFLICT (version_id, marker_id) DO UPDATE SET
    marker_name = excluded.marker_name,
    levels = excluded.levels,
    comments = excluded.comments,
    feedback = excluded.feedback,
    points = excluded.points,
    grade = excluded.grade,
    status = excluded.status,
    updated_at = excluded.updated_at
