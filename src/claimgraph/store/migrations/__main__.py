"""Write a new revision holding the difference between head and store/schema.py.

.venv/bin/python -m claimgraph.store.migrations "add near-duplicate signatures"
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory

from claimgraph.store.engine import database_url, open_engine
from claimgraph.store.migrate import alembic_config


def main(argv: list[str]) -> None:
    message = " ".join(argv).strip()
    if not message:
        sys.exit('usage: python -m claimgraph.store.migrations "what the revision does"')
    number = len(list(ScriptDirectory.from_config(alembic_config()).walk_revisions())) + 1
    with tempfile.TemporaryDirectory() as folder:
        at_head = str(Path(folder) / "head.db")
        open_engine(at_head).dispose()  # an empty store at the newest revision, to compare schema.py with
        config = alembic_config(url=database_url(at_head))
        ruff = Path(sys.executable).with_name("ruff")
        if ruff.exists():  # the project's own formatting, so the new file passes `make lint`
            config.set_section_option("post_write_hooks", "hooks", "ruff")
            config.set_section_option("post_write_hooks", "ruff.type", "exec")
            config.set_section_option("post_write_hooks", "ruff.executable", str(ruff))
            config.set_section_option("post_write_hooks", "ruff.options", "format REVISION_SCRIPT_FILENAME")
        command.revision(config, message=message, autogenerate=True, rev_id=f"{number:04d}")


if __name__ == "__main__":
    main(sys.argv[1:])
