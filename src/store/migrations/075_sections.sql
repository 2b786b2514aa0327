-- Issue 13, sections: the feed item's own category (the first it names), a fallback when the page
-- names no section; and the section's name in the translation's language, for that site's bar.
ALTER TABLE items ADD COLUMN category text;
ALTER TABLE translations ADD COLUMN category text;
