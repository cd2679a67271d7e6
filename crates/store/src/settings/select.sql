-- The value stored under key ?1.
SELECT value FROM settings WHERE key = ?1
