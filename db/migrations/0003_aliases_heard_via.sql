-- Schema 3: what redaction and who-knows need.
--
-- contacts.aliases: other ways people write a contact (nicknames, initials,
-- handles), separated by commas; redaction finds them as it finds names.
-- touchpoints.heard_via_id: the contact who told this person about the
-- proposal before the conversation (an intermediary), so who-knows counts
-- the teller too.

ALTER TABLE contacts ADD COLUMN aliases TEXT NOT NULL DEFAULT '';

ALTER TABLE touchpoints ADD COLUMN heard_via_id INTEGER REFERENCES contacts (id) ON DELETE RESTRICT;

CREATE INDEX touchpoints_heard_via ON touchpoints (heard_via_id) WHERE heard_via_id IS NOT NULL;
