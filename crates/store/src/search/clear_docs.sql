-- Deletes every search document.
DELETE FROM search_docs
