SELECT attempt_id, question_id, answer, saved_at, score, max_score, correct, manual_score
FROM attempt_answers
