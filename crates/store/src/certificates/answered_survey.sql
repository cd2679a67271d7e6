-- Whether respondent ?3 answered survey ?2 of course ?1.
SELECT 1 FROM survey_responses WHERE course_id = ?1 AND survey_id = ?2 AND respondent = ?3 LIMIT 1
