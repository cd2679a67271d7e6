-- Profile ?1's PIN hash (NULL: no PIN).
SELECT pin_hash FROM profiles WHERE id = ?1
