"""The data: the contract (schema), where it lives (location), its snapshots (read,
verified, published), the value rules (checks) and DuckDB access (db, one query per ``.sql`` file
under ``analytics/sql``). Nothing here knows a page, a role or a business rule.
"""
