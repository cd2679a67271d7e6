-- Updates the score of a handed-in attempt after a person graded an answer.
UPDATE attempts SET score = ?2, percent = ?3, passed = ?4 WHERE id = ?1
