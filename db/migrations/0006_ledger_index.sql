-- Schema 6: indexes for the lists of proposals (issue 13).
--
-- A list of proposals counts every person's nurture ledger (gives, asks,
-- the last day spoken to) over the conversations: GROUP BY contact_id of
-- kind, commitment, commitment_done and date (db/list.go: countLedgers).
-- Through touchpoints_contact_date that was a read of the table's row for
-- each conversation, so the lists scanned the whole table instead. This
-- index holds every column the count reads, in contact order: the count is
-- one pass over the index.
--
-- It replaces touchpoints_contact_date, whose columns are its first three,
-- in the same order: every query that used that index can use this one the
-- same way, and each conversation written still updates one contact index.
CREATE INDEX touchpoints_contact_ledger ON touchpoints (contact_id, date, proposal_id, kind, commitment, commitment_done);
DROP INDEX touchpoints_contact_date;

-- A list that scores a proposal reads of its conversations only the day
-- each person was last spoken to on it (readiness.ScoreInputs;
-- db/list_reads.go: scorePeopleSQL): the last entry of the person's range
-- of this index, one seek that reads no table row. It replaces
-- touchpoints_stakeholder, its first column, for the same reason as above.
CREATE INDEX touchpoints_stakeholder_day ON touchpoints (stakeholder_id, proposal_id, date);
DROP INDEX touchpoints_stakeholder;
