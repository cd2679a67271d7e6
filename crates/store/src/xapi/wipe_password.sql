-- Empties the password column older versions kept the LRS password in.
UPDATE xapi_config SET password = '' WHERE id = 1
