-- Schema 5: each proposal's readiness, kept for the lists (issue 13).
--
-- A list of proposals shows each one's score and verdict, and assessing a
-- proposal reads its whole log. readiness_cache keeps the last assessment of
-- each proposal with what it was made from: the day it was judged for, the
-- build of backchannel that judged it (another build's readiness is never
-- shown), and the last row any change had captured at the time (the
-- sequence of change_rows.id, which AUTOINCREMENT never reuses; it moves
-- with every captured write, an import's later chunks filed under an
-- earlier change included). A list reads a row only when none of the rows
-- captured since touched that proposal's inputs (db/readiness_cache.go);
-- purge, which is not a change, empties the table.
--
-- It is derived data, not a workbook fact: not captured for undo (it is in
-- db/capture.go's uncaptured list), never exported, and rebuilt by the next
-- list that finds it stale. No foreign key: a row whose proposal is gone is
-- never read, and is dropped by the next list that writes.
CREATE TABLE readiness_cache (
	proposal_id INTEGER PRIMARY KEY,
	change_row  INTEGER NOT NULL, -- change_rows.id
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
