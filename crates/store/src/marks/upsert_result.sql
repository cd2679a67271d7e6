INSERT INTO results (version_id, levels, comments, feedback, points, grade, grade_max, method, released_by, released_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
ON CONFLICT (version_id) DO UPDATE SET
    levels = excluded.levels,
    comments = excluded.comments,
    feedback = excluded.feedback,
    points = excluded.points,
    grade = excluded.grade,
    grade_max = excluded.grade_max,
    method = excluded.method,
    released_by = excluded.released_by,
    released_at = excluded.released_at
