-- Schema 5: each proposal's readiness, kept for the lists (issue 13).
--
-- A list of proposals shows each one's score and verdict, and assessing a
-- proposal reads its whole log. readiness_cache keeps the last assessment of
-- each proposal with what it was made from: the day it was judged for, the
-- build of backchannel that judged it (another build's readiness is never
-- shown), and the last change id in the workbook at the time (the sequence
-- of changes.id, which AUTOINCREMENT never reuses). A list reads a row only
-- when none of the changes since then touched that proposal's inputs
-- (db/readiness_cache.go); purge, which is not a change, empties the table.
--
-- It is derived data, not a workbook fact: not captured for undo (it is in
-- db/capture.go's uncaptured list), never exported, and rebuilt by the next
-- list that finds it stale. No foreign key: a row whose proposal is gone is
-- never read, and is dropped by the next list that writes.
CREATE TABLE readiness_cache (
	proposal_id INTEGER PRIMARY KEY,
	change_id   INTEGER NOT NULL,
	day         TEXT    NOT NULL,
	build       TEXT    NOT NULL,
	score       INTEGER NOT NULL,
	verdict     INTEGER NOT NULL
) STRICT;

-- A dossier reads a proposal's history without the records of its logged
-- conversations (they are the conversations themselves), and a list reads
-- only the proposal's own records: by proposal and entity, neither visits
-- the tens of thousands of conversation records of a long proposal.
CREATE INDEX history_proposal_entity ON history (proposal_id, entity) WHERE proposal_id IS NOT NULL;
DROP INDEX history_proposal;
