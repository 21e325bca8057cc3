"""What the app knows of English and of the world, read from ``resources/``: the lexicon (reporting verbs,
titles, acts ...) and the office holders with their terms. Qt-free, and below ingest and extract, which both
use it (the extractor for speakers' sides, ingest for dating an article that states no date)."""
