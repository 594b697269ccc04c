-- Schema 4: commitments and search over everything.
--
-- touchpoints.commitment makes a conversation's follow-up a promise: 'none',
-- 'i owe them' or 'they owe me'; commitment_due is when ('' = no date) and
-- commitment_done marks it kept. Free-text follow-ups stay as they were.
ALTER TABLE touchpoints ADD COLUMN commitment TEXT NOT NULL DEFAULT 'none';
ALTER TABLE touchpoints ADD COLUMN commitment_due TEXT NOT NULL DEFAULT '';
ALTER TABLE touchpoints ADD COLUMN commitment_done INTEGER NOT NULL DEFAULT 0 CHECK (commitment_done IN (0, 1));

-- The agenda asks for open promises by due date.
CREATE INDEX touchpoints_open_commitments ON touchpoints (commitment_due)
	WHERE commitment <> 'none' AND commitment_done = 0;

-- search is a full-text index (FTS5) over every piece of text the user wrote.
-- Each row is one record: its rowid is the record's id * 8 + a kind code
-- (1 proposal, 2 contact, 3 stakeholder, 4 conversation, 5 objection,
-- 6 blind spot), so a trigger finds it without a scan; a–d are that
-- record's texts (see db/search.go for which is which). unicode61 with
-- remove_diacritics 2 matches "Muller" to "Müller"; prefix indexes make
-- "migr*" cheap. The triggers below keep it in step with every write,
-- undo and redo included; it is not captured for undo itself (capture
-- skips virtual and shadow tables), because it is rebuilt from what is.
-- secure-delete makes a deleted or changed text leave the index for good.
CREATE VIRTUAL TABLE search USING fts5(
	a, b, c, d,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3'
);
INSERT INTO search (search, rank) VALUES ('secure-delete', 1);

CREATE TRIGGER search_proposals_insert AFTER INSERT ON proposals BEGIN
	INSERT INTO search (rowid, a, b, c, d) VALUES (NEW.id * 8 + 1, NEW.title, NEW.ask, NEW.forum, '');
END;
CREATE TRIGGER search_proposals_update AFTER UPDATE OF title, ask, forum ON proposals BEGIN
	DELETE FROM search WHERE rowid = OLD.id * 8 + 1;
	INSERT INTO search (rowid, a, b, c, d) VALUES (NEW.id * 8 + 1, NEW.title, NEW.ask, NEW.forum, '');
END;
CREATE TRIGGER search_proposals_delete AFTER DELETE ON proposals BEGIN
	DELETE FROM search WHERE rowid = OLD.id * 8 + 1;
END;

CREATE TRIGGER search_contacts_insert AFTER INSERT ON contacts BEGIN
	INSERT INTO search (rowid, a, b, c, d) VALUES (NEW.id * 8 + 2,
		NEW.name, trim(NEW.title || ' ' || NEW.org || ' ' || NEW.aliases), NEW.notes, NEW.value_i_bring);
END;
CREATE TRIGGER search_contacts_update AFTER UPDATE OF name, title, org, aliases, notes, value_i_bring ON contacts BEGIN
	DELETE FROM search WHERE rowid = OLD.id * 8 + 2;
	INSERT INTO search (rowid, a, b, c, d) VALUES (NEW.id * 8 + 2,
		NEW.name, trim(NEW.title || ' ' || NEW.org || ' ' || NEW.aliases), NEW.notes, NEW.value_i_bring);
END;
CREATE TRIGGER search_contacts_delete AFTER DELETE ON contacts BEGIN
	DELETE FROM search WHERE rowid = OLD.id * 8 + 2;
END;

CREATE TRIGGER search_stakeholders_insert AFTER INSERT ON stakeholders BEGIN
	INSERT INTO search (rowid, a, b, c, d) VALUES (NEW.id * 8 + 3, NEW.wants, NEW.fears, NEW.plan_message, NEW.plan_place);
END;
CREATE TRIGGER search_stakeholders_update AFTER UPDATE OF wants, fears, plan_message, plan_place ON stakeholders BEGIN
	DELETE FROM search WHERE rowid = OLD.id * 8 + 3;
	INSERT INTO search (rowid, a, b, c, d) VALUES (NEW.id * 8 + 3, NEW.wants, NEW.fears, NEW.plan_message, NEW.plan_place);
END;
CREATE TRIGGER search_stakeholders_delete AFTER DELETE ON stakeholders BEGIN
	DELETE FROM search WHERE rowid = OLD.id * 8 + 3;
END;

CREATE TRIGGER search_touchpoints_insert AFTER INSERT ON touchpoints BEGIN
	INSERT INTO search (rowid, a, b, c, d) VALUES (NEW.id * 8 + 4, NEW.said, NEW.subtext, NEW.follow_up, '');
END;
CREATE TRIGGER search_touchpoints_update AFTER UPDATE OF said, subtext, follow_up ON touchpoints BEGIN
	DELETE FROM search WHERE rowid = OLD.id * 8 + 4;
	INSERT INTO search (rowid, a, b, c, d) VALUES (NEW.id * 8 + 4, NEW.said, NEW.subtext, NEW.follow_up, '');
END;
CREATE TRIGGER search_touchpoints_delete AFTER DELETE ON touchpoints BEGIN
	DELETE FROM search WHERE rowid = OLD.id * 8 + 4;
END;

CREATE TRIGGER search_objections_insert AFTER INSERT ON objections BEGIN
	INSERT INTO search (rowid, a, b, c, d) VALUES (NEW.id * 8 + 5, NEW.text, NEW.response, '', '');
END;
CREATE TRIGGER search_objections_update AFTER UPDATE OF text, response ON objections BEGIN
	DELETE FROM search WHERE rowid = OLD.id * 8 + 5;
	INSERT INTO search (rowid, a, b, c, d) VALUES (NEW.id * 8 + 5, NEW.text, NEW.response, '', '');
END;
CREATE TRIGGER search_objections_delete AFTER DELETE ON objections BEGIN
	DELETE FROM search WHERE rowid = OLD.id * 8 + 5;
END;

CREATE TRIGGER search_blind_spots_insert AFTER INSERT ON blind_spots BEGIN
	INSERT INTO search (rowid, a, b, c, d) VALUES (NEW.id * 8 + 6, NEW.text, NEW.how_addressed, '', '');
END;
CREATE TRIGGER search_blind_spots_update AFTER UPDATE OF text, how_addressed ON blind_spots BEGIN
	DELETE FROM search WHERE rowid = OLD.id * 8 + 6;
	INSERT INTO search (rowid, a, b, c, d) VALUES (NEW.id * 8 + 6, NEW.text, NEW.how_addressed, '', '');
END;
CREATE TRIGGER search_blind_spots_delete AFTER DELETE ON blind_spots BEGIN
	DELETE FROM search WHERE rowid = OLD.id * 8 + 6;
END;

-- What the workbook already holds.
INSERT INTO search (rowid, a, b, c, d) SELECT id * 8 + 1, title, ask, forum, '' FROM proposals;
INSERT INTO search (rowid, a, b, c, d) SELECT id * 8 + 2, name, trim(title || ' ' || org || ' ' || aliases), notes, value_i_bring FROM contacts;
INSERT INTO search (rowid, a, b, c, d) SELECT id * 8 + 3, wants, fears, plan_message, plan_place FROM stakeholders;
INSERT INTO search (rowid, a, b, c, d) SELECT id * 8 + 4, said, subtext, follow_up, '' FROM touchpoints;
INSERT INTO search (rowid, a, b, c, d) SELECT id * 8 + 5, text, response, '', '' FROM objections;
INSERT INTO search (rowid, a, b, c, d) SELECT id * 8 + 6, text, how_addressed, '', '' FROM blind_spots;
