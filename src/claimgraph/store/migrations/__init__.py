"""The store's Alembic migrations, for SQLite and PostgreSQL alike.

`store/schema.py` is the one definition of the tables: the code reads and writes
through it, and each revision here is generated from it and then frozen, so a
store made by any earlier version can be brought up to date. A test checks that
a store migrated to head matches schema.py exactly, on both backends.

To add a table (or a column, or an index):

1. define it in `store/schema.py`;
2. run `.venv/bin/python -m claimgraph.store.migrations "add near-duplicate signatures"`,
   which writes `versions/NNNN_<slug>.py` holding the difference between head and
   schema.py (`op.create_table(...)` for a new table: a few lines);
3. read the revision, keep it backend-neutral (SQLite alters tables in batch mode,
   which env.py turns on), and run the tests.

`open_engine` then upgrades every store it opens; nothing else is needed.
"""
