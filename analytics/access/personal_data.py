"""Personal data: which columns of the data contract hold a person's name, and a table without
them. Only a viewer whose scope allows personal data (a logged-in director) gets those columns; the
downloads, the import template and the Data page all go through :func:`without_personal_data`.
"""

from __future__ import annotations

import pyarrow as pa

# Columns holding personal data, per table: a member's name, an individual investor's name.
PERSONAL_COLUMNS: dict[str, tuple[str, ...]] = {"members": ("name",), "commitments": ("investor_name",)}


def without_personal_data(table_name: str, table: pa.Table) -> pa.Table:
    """Return ``table`` with its personal-data columns removed.

    An investor that is a company or an institution keeps its name; an individual's is blanked.
    """
    if table_name == "commitments" and "investor_category" in table.column_names:
        names = [
            None if category == "individual" else name
            for name, category in zip(
                table["investor_name"].to_pylist(), table["investor_category"].to_pylist(), strict=True
            )
        ]
        idx = table.schema.get_field_index("investor_name")
        return table.set_column(idx, "investor_name", pa.array(names, type=pa.string()))
    drop = [c for c in PERSONAL_COLUMNS.get(table_name, ()) if c in table.column_names]
    return table.drop_columns(drop)
