/**
 * Migration 21: the end of retention read from an index. `cases.removed_kinds` holds what was
 * removed from a case (1: its evidence, 2: its personal data), kept by a trigger on the tombstone
 * whichever way a removal comes (retention, a person's request, a removal received from the site,
 * the ledger replayed after a restore). `cases_retention` holds the finished cases with something
 * still to remove, by the day they were finished: the dry run reads the oldest of them and counts
 * the rest from it, and a case leaves it once everything of it is removed, so years of tombstones
 * cost the dry run nothing. The statuses are those of domain/seals/yearManifest.ts (finished); a
 * plan test keeps the two the same.
 *
 * `evidence_refs` lists which case's events name which evidence file, kept by a trigger as events
 * are stored and emptied of a case as its evidence is removed: whether another case still needs a
 * file is a lookup, not a read of every event. Imports nothing of the app.
 */
export const sql = `
ALTER TABLE cases ADD COLUMN removed_kinds INTEGER NOT NULL DEFAULT 0;

UPDATE cases SET removed_kinds = (
  SELECT coalesce(sum(DISTINCT CASE r.kind WHEN 'evidence' THEN 1 WHEN 'personalData' THEN 2 ELSE 0 END), 0)
  FROM case_removals r WHERE r.case_id = cases.id
) WHERE id IN (SELECT case_id FROM case_removals);

CREATE TRIGGER cases_removed_kinds AFTER INSERT ON case_removals
BEGIN
  UPDATE cases SET removed_kinds = removed_kinds | CASE NEW.kind WHEN 'evidence' THEN 1 WHEN 'personalData' THEN 2 ELSE 0 END
  WHERE id = NEW.case_id;
END;

CREATE INDEX cases_retention ON cases (updated_at, type, removed_kinds, status)
WHERE status IN ('closed', 'declined', 'archived') AND removed_kinds <> 3;

CREATE TABLE evidence_refs (
  seqno INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  PRIMARY KEY (sha256, seqno)
) STRICT;
CREATE INDEX evidence_refs_case ON evidence_refs (seqno);

INSERT OR IGNORE INTO evidence_refs (seqno, sha256)
SELECT e.pos / 1048576, json_extract(a.value, '$.sha256')
FROM case_events e, json_each(e.payload, '$.attachments') a
WHERE instr(e.payload, '"sha256"') > 0 AND json_extract(a.value, '$.sha256') IS NOT NULL;
INSERT OR IGNORE INTO evidence_refs (seqno, sha256)
SELECT e.pos / 1048576, json_extract(a.value, '$.sha256')
FROM case_events e, json_each(e.payload, '$.intake.attachments') a
WHERE instr(e.payload, '"sha256"') > 0 AND json_extract(a.value, '$.sha256') IS NOT NULL;

CREATE TRIGGER evidence_refs_fill AFTER INSERT ON case_events
WHEN instr(NEW.payload, '"sha256"') > 0
BEGIN
  INSERT OR IGNORE INTO evidence_refs (seqno, sha256)
  SELECT NEW.pos / 1048576, json_extract(a.value, '$.sha256')
  FROM json_each(NEW.payload, '$.attachments') a WHERE json_extract(a.value, '$.sha256') IS NOT NULL
  UNION
  SELECT NEW.pos / 1048576, json_extract(a.value, '$.sha256')
  FROM json_each(NEW.payload, '$.intake.attachments') a WHERE json_extract(a.value, '$.sha256') IS NOT NULL;
END;
`;
