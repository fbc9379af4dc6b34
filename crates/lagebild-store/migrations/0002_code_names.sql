-- Schema version 2: the names that entity mentions with an actor code carry, with counts, so
-- that `lagebild actors` can name a code. Filled from the stored records by the migration.
CREATE TABLE code_names (
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    n    INTEGER NOT NULL,
    PRIMARY KEY (code, name)
) WITHOUT ROWID;
