-- The modules just before and after module ?4 (at position ?3) in the order
-- `list_modules.sql` gives (?2: instructor-only modules are listed too);
-- none when module ?4 is not in that list itself (archived, or hidden).
SELECT
    (SELECT id FROM modules
      WHERE course_id = ?1 AND archived = 0 AND (?2 OR audience = 'learner') AND position < ?3
      ORDER BY position DESC LIMIT 1),
    (SELECT id FROM modules
      WHERE course_id = ?1 AND archived = 0 AND (?2 OR audience = 'learner') AND position > ?3
      ORDER BY position LIMIT 1)
WHERE EXISTS (SELECT 1 FROM modules
               WHERE course_id = ?1 AND id = ?4 AND archived = 0 AND (?2 OR audience = 'learner'))
