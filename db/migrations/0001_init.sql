-- Schema 1: the first backchannel workbook.
--
-- Conventions (see doc.go): enums are stored as their words (model's
-- MarshalText), dates as TEXT 'YYYY-MM-DD' ('' when unset), timestamps as
-- RFC 3339 UTC text with nine fractional digits (so they sort as text),
-- optional references as NULL, booleans as 0/1. Rows referred to by others
-- are archived, never deleted, so every foreign key is ON DELETE RESTRICT.
-- Tables are STRICT so a wrongly typed value is an error, not a surprise.

CREATE TABLE proposals (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
	title         TEXT    NOT NULL CHECK (title <> ''),
	ask           TEXT    NOT NULL DEFAULT '',
	kind          TEXT    NOT NULL,
	forum         TEXT    NOT NULL DEFAULT '',
	decision_date TEXT    NOT NULL DEFAULT '',
	decision_rule TEXT    NOT NULL,
	status        TEXT    NOT NULL,
	moment        TEXT    NOT NULL,
	walk_step     INTEGER NOT NULL DEFAULT 0,
	created_at    TEXT    NOT NULL,
	updated_at    TEXT    NOT NULL
) STRICT;

CREATE INDEX proposals_status ON proposals (status, decision_date);

CREATE TABLE contacts (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
	name          TEXT    NOT NULL CHECK (name <> ''),
	title         TEXT    NOT NULL DEFAULT '',
	org           TEXT    NOT NULL DEFAULT '',
	email         TEXT    NOT NULL DEFAULT '',
	partner_kind  TEXT    NOT NULL,
	discretion    TEXT    NOT NULL,
	value_i_bring TEXT    NOT NULL DEFAULT '',
	notes         TEXT    NOT NULL DEFAULT '',
	cadence_days  INTEGER NOT NULL DEFAULT 0,
	archived      INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
	created_at    TEXT    NOT NULL,
	updated_at    TEXT    NOT NULL
) STRICT;

CREATE INDEX contacts_name ON contacts (name COLLATE NOCASE);
CREATE INDEX contacts_email ON contacts (email COLLATE NOCASE) WHERE email <> '';

CREATE TABLE stakeholders (
	id               INTEGER PRIMARY KEY AUTOINCREMENT,
	proposal_id      INTEGER NOT NULL REFERENCES proposals (id) ON DELETE RESTRICT,
	contact_id       INTEGER NOT NULL REFERENCES contacts (id) ON DELETE RESTRICT,
	role             TEXT    NOT NULL,
	influence        INTEGER NOT NULL CHECK (influence BETWEEN 1 AND 5),
	votes            INTEGER NOT NULL DEFAULT 0 CHECK (votes IN (0, 1)),
	veto             INTEGER NOT NULL DEFAULT 0 CHECK (veto IN (0, 1)),
	stance           TEXT    NOT NULL,
	target_stance    TEXT    NOT NULL,
	spoiler          INTEGER NOT NULL DEFAULT 0 CHECK (spoiler IN (0, 1)),
	wants            TEXT    NOT NULL DEFAULT '',
	fears            TEXT    NOT NULL DEFAULT '',
	plan_moment      TEXT    NOT NULL,
	plan_target_date TEXT    NOT NULL DEFAULT '',
	plan_before_id   INTEGER REFERENCES stakeholders (id) ON DELETE RESTRICT,
	plan_approach    TEXT    NOT NULL,
	plan_message     TEXT    NOT NULL DEFAULT '',
	plan_opener      TEXT    NOT NULL,
	plan_venue       TEXT    NOT NULL,
	plan_place       TEXT    NOT NULL DEFAULT '',
	plan_via_id      INTEGER REFERENCES contacts (id) ON DELETE RESTRICT,
	plan_done        INTEGER NOT NULL DEFAULT 0 CHECK (plan_done IN (0, 1)),
	acted            TEXT    NOT NULL,
	created_at       TEXT    NOT NULL,
	updated_at       TEXT    NOT NULL,
	CHECK (plan_before_id IS NULL OR plan_before_id <> id)
) STRICT;

CREATE UNIQUE INDEX stakeholders_proposal_contact ON stakeholders (proposal_id, contact_id);
CREATE INDEX stakeholders_contact ON stakeholders (contact_id);
CREATE INDEX stakeholders_before ON stakeholders (plan_before_id) WHERE plan_before_id IS NOT NULL;
CREATE INDEX stakeholders_via ON stakeholders (plan_via_id) WHERE plan_via_id IS NOT NULL;

CREATE TABLE touchpoints (
	id             INTEGER PRIMARY KEY AUTOINCREMENT,
	stakeholder_id INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE RESTRICT,
	proposal_id    INTEGER NOT NULL REFERENCES proposals (id) ON DELETE RESTRICT,
	contact_id     INTEGER NOT NULL REFERENCES contacts (id) ON DELETE RESTRICT,
	date           TEXT    NOT NULL CHECK (date <> ''),
	channel        TEXT    NOT NULL,
	kind           TEXT    NOT NULL,
	opener         TEXT    NOT NULL,
	sentiment      INTEGER NOT NULL CHECK (sentiment BETWEEN -2 AND 2),
	said           TEXT    NOT NULL DEFAULT '',
	subtext        TEXT    NOT NULL DEFAULT '',
	follow_up      TEXT    NOT NULL DEFAULT '',
	created_at     TEXT    NOT NULL
) STRICT;

CREATE INDEX touchpoints_proposal_date ON touchpoints (proposal_id, date);
-- Reading a whole proposal's log in rowid order touches the table's pages in
-- order instead of jumping around by date: several times faster on a big log.
CREATE INDEX touchpoints_proposal ON touchpoints (proposal_id);
-- proposal_id rides along so "this contact's talks on other proposals" is
-- answered from the index before any row is read.
CREATE INDEX touchpoints_contact_date ON touchpoints (contact_id, date, proposal_id);
CREATE INDEX touchpoints_stakeholder ON touchpoints (stakeholder_id);

CREATE TABLE objections (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
	proposal_id   INTEGER NOT NULL REFERENCES proposals (id) ON DELETE RESTRICT,
	raised_by_id  INTEGER REFERENCES stakeholders (id) ON DELETE RESTRICT,
	touchpoint_id INTEGER REFERENCES touchpoints (id) ON DELETE RESTRICT,
	text          TEXT    NOT NULL CHECK (text <> ''),
	severity      TEXT    NOT NULL,
	status        TEXT    NOT NULL,
	response      TEXT    NOT NULL DEFAULT '',
	voice_id      INTEGER REFERENCES stakeholders (id) ON DELETE RESTRICT,
	raised_on     TEXT    NOT NULL DEFAULT '',
	resolved_on   TEXT    NOT NULL DEFAULT '',
	created_at    TEXT    NOT NULL,
	updated_at    TEXT    NOT NULL
) STRICT;

CREATE INDEX objections_proposal_status ON objections (proposal_id, status);
CREATE INDEX objections_raised_by ON objections (raised_by_id) WHERE raised_by_id IS NOT NULL;
CREATE INDEX objections_voice ON objections (voice_id) WHERE voice_id IS NOT NULL;
CREATE INDEX objections_touchpoint ON objections (touchpoint_id) WHERE touchpoint_id IS NOT NULL;

CREATE TABLE blind_spots (
	id             INTEGER PRIMARY KEY AUTOINCREMENT,
	proposal_id    INTEGER NOT NULL REFERENCES proposals (id) ON DELETE RESTRICT,
	surfaced_by_id INTEGER REFERENCES stakeholders (id) ON DELETE RESTRICT,
	touchpoint_id  INTEGER REFERENCES touchpoints (id) ON DELETE RESTRICT,
	text           TEXT    NOT NULL CHECK (text <> ''),
	status         TEXT    NOT NULL,
	how_addressed  TEXT    NOT NULL DEFAULT '',
	raised_on      TEXT    NOT NULL DEFAULT '',
	addressed_on   TEXT    NOT NULL DEFAULT '',
	created_at     TEXT    NOT NULL,
	updated_at     TEXT    NOT NULL
) STRICT;

CREATE INDEX blind_spots_proposal_status ON blind_spots (proposal_id, status);
CREATE INDEX blind_spots_surfaced_by ON blind_spots (surfaced_by_id) WHERE surfaced_by_id IS NOT NULL;
CREATE INDEX blind_spots_touchpoint ON blind_spots (touchpoint_id) WHERE touchpoint_id IS NOT NULL;

-- history is append-only: entity_id is deliberately not a foreign key, so the
-- record of a deleted row outlives it.
CREATE TABLE history (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	at          TEXT    NOT NULL,
	entity      TEXT    NOT NULL,
	entity_id   INTEGER NOT NULL,
	proposal_id INTEGER REFERENCES proposals (id) ON DELETE RESTRICT,
	action      TEXT    NOT NULL,
	field       TEXT    NOT NULL DEFAULT '',
	old         TEXT    NOT NULL DEFAULT '',
	new         TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX history_proposal ON history (proposal_id) WHERE proposal_id IS NOT NULL;
CREATE INDEX history_entity ON history (entity, entity_id);

CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN
	SELECT RAISE(ABORT, 'history is append-only');
END;

CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN
	SELECT RAISE(ABORT, 'history is append-only');
END;
