-- Learner ?1's survey answers in course ?2, by survey and item.
SELECT survey_id, item_id, rating, answer_text, submitted_at FROM survey_responses
 WHERE respondent = ?1 AND course_id = ?2 ORDER BY survey_id, item_id
