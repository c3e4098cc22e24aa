"""Keep pytest's doctest collection out of the Alembic environment (it runs only under Alembic)."""

collect_ignore = ["env.py"]
