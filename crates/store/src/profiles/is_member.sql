-- Whether profile ?1 is a class member known only from their records.
SELECT origin = 'member' FROM profiles WHERE id = ?1
