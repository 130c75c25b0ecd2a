"""The store's tables. Version 2 adds what the analysis stages produce: entity mentions, quotes and the story
index (document frequencies, sentence fingerprints, stories with their centroids and blocking keys, and
every article's place in a story with the evidence that put it there). Version 3 keeps, per story, the sums
its link features are computed from (``state``) instead of a centroid, and no vector per member. Version 4
keeps the ids of stories merged into another (``story_aliases``: retired id -> the story that took it in)."""

SCHEMA_VERSION = 4

DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE, source TEXT NOT NULL, outlet TEXT, url TEXT, lang TEXT NOT NULL, date TEXT,
    title TEXT, subtitle TEXT, author TEXT, photo_credit TEXT, text TEXT NOT NULL, blocks TEXT NOT NULL,
    duplicate_of TEXT, ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX IF NOT EXISTS articles_date ON articles(date);
CREATE TABLE IF NOT EXISTS bands (key TEXT NOT NULL, article TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS bands_key ON bands(key);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);

CREATE TABLE IF NOT EXISTS entities (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS mentions (
    article TEXT NOT NULL, entity TEXT, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
    type TEXT NOT NULL, lemma TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity);
CREATE TABLE IF NOT EXISTS quotes (
    article TEXT NOT NULL, speaker TEXT, speaker_text TEXT, kind TEXT NOT NULL, text TEXT NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, cue TEXT, speaker_start INTEGER, speaker_end INTEGER,
    rules TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);

CREATE TABLE IF NOT EXISTS story_df (key TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS story_fingerprints (key INTEGER PRIMARY KEY, n INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS stories (id TEXT PRIMARY KEY, first TEXT, last TEXT, state TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS story_postings (key TEXT NOT NULL, story TEXT NOT NULL, PRIMARY KEY (key, story))
    WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS story_members (
    rowid INTEGER PRIMARY KEY, article TEXT NOT NULL UNIQUE, story TEXT NOT NULL, link TEXT NOT NULL,
    date TEXT, lang TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS story_members_story ON story_members(story);
CREATE TABLE IF NOT EXISTS story_aliases (id TEXT PRIMARY KEY, story TEXT NOT NULL);
"""
