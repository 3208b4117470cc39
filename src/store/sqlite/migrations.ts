// Versioned migrations of the SQLite workspace. Append new steps; never edit a
// released one. PRAGMA user_version holds the number of steps applied.
export const MIGRATIONS: string[] = [
  // 1: documents, passages, full-text index, mentions, later-stage records, the log.
  `
  CREATE TABLE document (
    seq INTEGER PRIMARY KEY,              -- rowid; the full-text index is keyed on it
    id TEXT NOT NULL UNIQUE,              -- SHA-256 of the original bytes
    kind TEXT NOT NULL,                   -- Document.documentKind
    media_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    file_name TEXT,
    title TEXT,
    site TEXT,
    language TEXT NOT NULL,
    published_on TEXT,                    -- ISO date (or prefix) from metadata.published
    metadata TEXT NOT NULL,               -- JSON DocumentMetadata
    sections TEXT NOT NULL,               -- JSON Section[]
    sensitivity TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    text TEXT NOT NULL                    -- last: filters read the small columns without paging through it
  );
  CREATE INDEX document_published_on ON document(published_on);
  CREATE INDEX document_site ON document(site);
  CREATE INDEX document_language ON document(language);

  CREATE TABLE passage (
    document_seq INTEGER NOT NULL REFERENCES document(seq),
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    page INTEGER,
    PRIMARY KEY (document_seq, idx)
  ) WITHOUT ROWID;

  -- Contentless: the text lives once, in document.text; the index holds folded tokens.
  CREATE VIRTUAL TABLE document_fts USING fts5(
    title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
  );

  CREATE TABLE mention (
    id TEXT PRIMARY KEY,
    document_seq INTEGER NOT NULL REFERENCES document(seq),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    type TEXT NOT NULL,
    text TEXT NOT NULL,
    value TEXT,
    attributes TEXT NOT NULL,
    extractor TEXT NOT NULL,
    confidence REAL NOT NULL,
    status TEXT NOT NULL,
    entity_id TEXT
  );
  CREATE INDEX mention_document ON mention(document_seq, start);
  CREATE INDEX mention_type_text ON mention(type, text);
  CREATE INDEX mention_entity ON mention(entity_id);

  CREATE TABLE entity (id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, data TEXT NOT NULL);
  CREATE INDEX entity_type ON entity(type, name);
  CREATE TABLE event (id TEXT PRIMARY KEY, data TEXT NOT NULL);
  CREATE TABLE claim (id TEXT PRIMARY KEY, document_id TEXT NOT NULL, group_id TEXT, data TEXT NOT NULL);
  CREATE INDEX claim_group ON claim(group_id);
  CREATE TABLE reuse_link (
    id TEXT PRIMARY KEY, source_document_id TEXT NOT NULL, target_document_id TEXT NOT NULL, data TEXT NOT NULL
  );
  CREATE INDEX reuse_link_source ON reuse_link(source_document_id);
  CREATE INDEX reuse_link_target ON reuse_link(target_document_id);
  CREATE TABLE action (id TEXT PRIMARY KEY, at TEXT NOT NULL, data TEXT NOT NULL);

  CREATE TABLE log_entry (
    seq INTEGER PRIMARY KEY,              -- leaf index in the Merkle log, from 0
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,                   -- LogEntry.operation
    subject TEXT NOT NULL,
    details TEXT NOT NULL,
    leaf_hash TEXT NOT NULL
  );
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
  // 2 (issue 8): perceptual fingerprints of images, indicator sets and their matches.
  `
  CREATE TABLE image_fingerprint (
    document_id TEXT PRIMARY KEY,         -- the image document
    version TEXT NOT NULL,                -- PHASH_VERSION the hashes were made with
    phash TEXT NOT NULL,                  -- 64-bit pHash of the full image, hex
    data TEXT NOT NULL                    -- JSON ImageFingerprint
  );
  CREATE INDEX image_fingerprint_phash ON image_fingerprint(phash);
  CREATE TABLE indicator (
    set_name TEXT NOT NULL,               -- the file or STIX bundle it came from
    type TEXT NOT NULL,                   -- sha256, domain, package
    value TEXT NOT NULL,                  -- lower case
    source_id TEXT,                       -- STIX indicator id, when there is one
    PRIMARY KEY (set_name, type, value)
  ) WITHOUT ROWID;
  CREATE INDEX indicator_value ON indicator(type, value);
  `,
  // 3 (issue 5): entity resolution and curation: blocking keys of entities, decisions
  // that later automatic runs must respect, and pairs waiting for a person's review.
  `
  CREATE TABLE entity_key (
    key TEXT NOT NULL,                    -- type + ':' + blocking key ("PERSON:drysh|klntr")
    entity_id TEXT NOT NULL,
    PRIMARY KEY (key, entity_id)
  ) WITHOUT ROWID;
  CREATE INDEX entity_key_entity ON entity_key(entity_id);
  CREATE TABLE resolution_constraint (
    kind TEXT NOT NULL,                   -- must_not_link (a person kept two entities apart)
    entity_a TEXT NOT NULL,               -- entity_a < entity_b
    entity_b TEXT NOT NULL,
    action_id TEXT NOT NULL,              -- the curation action that made it (undo removes it)
    PRIMARY KEY (kind, entity_a, entity_b, action_id)
  ) WITHOUT ROWID;
  CREATE INDEX resolution_constraint_b ON resolution_constraint(entity_b);
  CREATE TABLE review_candidate (
    id TEXT PRIMARY KEY,
    entity_a TEXT NOT NULL,               -- entity_a < entity_b
    entity_b TEXT NOT NULL,
    score REAL NOT NULL,                  -- 0..1 from scoreNamePair
    band TEXT NOT NULL,                   -- automatic | review
    evidence TEXT NOT NULL,               -- JSON: signals, names compared, origin (resolve | import)
    status TEXT NOT NULL,                 -- open | accepted | rejected
    created_at TEXT NOT NULL,
    UNIQUE (entity_a, entity_b)
  );
  CREATE INDEX review_candidate_status ON review_candidate(status, score);
  CREATE INDEX review_candidate_b ON review_candidate(entity_b);
  `,
  // 4 (issue 6): the text-reuse index (sampled shingles of each document) and claim groups.
  `
  CREATE TABLE reuse_document (
    num INTEGER PRIMARY KEY,              -- small number the postings refer to
    id TEXT NOT NULL UNIQUE               -- document id
  );
  CREATE TABLE reuse_shingle (
    hash INTEGER NOT NULL,                -- 32-bit shingle hash (src/reuse/fingerprint.ts)
    document_num INTEGER NOT NULL,
    position INTEGER NOT NULL,            -- token index of the shingle in its document
    PRIMARY KEY (hash, document_num, position)
  ) WITHOUT ROWID;
  CREATE TABLE claim_group_record (id TEXT PRIMARY KEY, data TEXT NOT NULL); -- ClaimGroupRecord JSON (src/pipeline/claims-run.ts)
  `,
  // 5 (issue 3): compact mentions, the largest table after ingest (~3x the text before).
  // Integer rowid; type, status and extractor as small integers; `attributes` NULL for {};
  // `text` NULL when it equals the document text at [start, end) (UTF-16 offsets, which
  // SQL substr only matches on documents without characters outside the BMP, so those keep
  // their text); `id` NULL when it is the derived id (prefix16:start-end:TYPE, see
  // src/pipeline/prepare.ts mentionId). Codes sort like the names they stand for, so
  // ORDER BY type gives the same order as before.
  `
  CREATE TABLE mention_extractor (
    code INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE             -- "ner-en@3", "dates@2", …
  );
  INSERT INTO mention_extractor (name) SELECT DISTINCT extractor FROM mention ORDER BY extractor;
  CREATE TEMP TABLE bmp_document AS
    SELECT seq FROM document WHERE instr(CAST(text AS BLOB), X'F0') = 0 AND instr(CAST(text AS BLOB), X'F1') = 0
      AND instr(CAST(text AS BLOB), X'F2') = 0 AND instr(CAST(text AS BLOB), X'F3') = 0 AND instr(CAST(text AS BLOB), X'F4') = 0;
  CREATE TABLE mention_compact (
    document_seq INTEGER NOT NULL REFERENCES document(seq),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    type INTEGER NOT NULL,                -- 0 DATE, 1 MISC, 2 ORG, 3 PERSON, 4 PLACE, 5 QUANTITY
    status INTEGER NOT NULL,              -- 0 suggested, 1 confirmed, 2 rejected
    extractor INTEGER NOT NULL REFERENCES mention_extractor(code),
    confidence REAL NOT NULL,
    value TEXT,
    attributes TEXT,                      -- JSON; NULL = {}
    entity_id TEXT,
    text TEXT,                            -- NULL = the document's text at [start, end)
    id TEXT                               -- NULL = the derived id
  );
  INSERT INTO mention_compact (document_seq, start, end, type, status, extractor, confidence, value, attributes, entity_id, text, id)
  SELECT m.document_seq, m.start, m.end,
    CASE m.type WHEN 'DATE' THEN 0 WHEN 'MISC' THEN 1 WHEN 'ORG' THEN 2 WHEN 'PERSON' THEN 3 WHEN 'PLACE' THEN 4 ELSE 5 END,
    CASE m.status WHEN 'suggested' THEN 0 WHEN 'confirmed' THEN 1 ELSE 2 END,
    x.code, m.confidence, m.value,
    CASE WHEN m.attributes = '{}' THEN NULL ELSE m.attributes END,
    m.entity_id,
    CASE WHEN b.seq IS NOT NULL AND m.text = substr(d.text, m.start + 1, m.end - m.start) THEN NULL ELSE m.text END,
    CASE WHEN m.id = substr(d.id, 1, 16) || ':' || m.start || '-' || m.end || ':' || m.type THEN NULL ELSE m.id END
  FROM mention m JOIN document d ON d.seq = m.document_seq JOIN mention_extractor x ON x.name = m.extractor
    LEFT JOIN bmp_document b ON b.seq = m.document_seq
  ORDER BY m.document_seq, m.start, m.end, m.type, m.rowid;
  DROP TABLE bmp_document;
  DROP TABLE mention;
  ALTER TABLE mention_compact RENAME TO mention;
  CREATE INDEX mention_document ON mention(document_seq, start, end, type);
  CREATE UNIQUE INDEX mention_id ON mention(id) WHERE id IS NOT NULL;
  CREATE INDEX mention_entity ON mention(entity_id) WHERE entity_id IS NOT NULL;
  `,
  // 6 (issue 3): mentions clustered by document (WITHOUT ROWID, primary key = document,
  // span, type, k) so no separate index repeats them; k numbers further mentions of the
  // same span and type (only possible with stored ids). Confidence as INTEGER
  // round(c * 1000) + 2 when that is exact (values below 2 are the confidence itself);
  // attributes as an INTEGER code into mention_attributes for JSON seen more than once.
  `
  CREATE TABLE mention_attributes (
    code INTEGER PRIMARY KEY,
    json TEXT NOT NULL UNIQUE
  );
  INSERT INTO mention_attributes (json)
    SELECT attributes FROM mention WHERE attributes IS NOT NULL AND length(attributes) <= 80
    GROUP BY attributes HAVING count(*) > 1 ORDER BY min(rowid);
  CREATE TABLE mention_clustered (
    document_seq INTEGER NOT NULL REFERENCES document(seq),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    type INTEGER NOT NULL,                -- 0 DATE, 1 MISC, 2 ORG, 3 PERSON, 4 PLACE, 5 QUANTITY
    k INTEGER NOT NULL,                   -- 0, then 1, 2, … for more mentions of this span and type
    status INTEGER NOT NULL,              -- 0 suggested, 1 confirmed, 2 rejected
    extractor INTEGER NOT NULL,           -- mention_extractor.code
    confidence INTEGER NOT NULL,          -- >= 2: (confidence - 2) / 1000; else the REAL itself
    value TEXT,
    attributes NUMERIC,                   -- NULL = {}; INTEGER: mention_attributes.code; TEXT: JSON
    entity_id TEXT,
    text TEXT,                            -- NULL = the document's text at [start, end)
    id TEXT,                              -- NULL = the derived id
    PRIMARY KEY (document_seq, start, end, type, k)
  ) WITHOUT ROWID;
  INSERT INTO mention_clustered
  SELECT m.document_seq, m.start, m.end, m.type,
    row_number() OVER (PARTITION BY m.document_seq, m.start, m.end, m.type ORDER BY m.rowid) - 1,
    m.status, m.extractor,
    CASE WHEN round(m.confidence * 1000) / 1000.0 = m.confidence THEN CAST(round(m.confidence * 1000) AS INTEGER) + 2 ELSE m.confidence END,
    m.value, coalesce(a.code, m.attributes), m.entity_id, m.text, m.id
  FROM mention m LEFT JOIN mention_attributes a ON a.json = m.attributes
  ORDER BY m.document_seq, m.start, m.end, m.type, m.rowid;
  DROP TABLE mention;
  ALTER TABLE mention_clustered RENAME TO mention;
  CREATE UNIQUE INDEX mention_id ON mention(id) WHERE id IS NOT NULL;
  CREATE INDEX mention_entity ON mention(entity_id) WHERE entity_id IS NOT NULL;
  `,
];
