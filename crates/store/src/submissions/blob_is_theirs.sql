-- Whether profile ?2 uploaded blob ?1 or one of their submitted versions carries it.
SELECT 1 FROM attachment_owners WHERE sha256 = ?1 AND profile_id = ?2
UNION ALL
SELECT 1 FROM submission_versions v, json_each(v.attachments) a
 WHERE v.profile_id = ?2 AND json_extract(a.value, '$.sha256') = ?1
LIMIT 1
