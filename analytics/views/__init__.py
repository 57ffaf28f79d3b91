"""One model per page: ``<page>_view(con, snap, compare, settings, ...)`` returns everything the
page shows, as plain data (values, deltas, frames, units; no language, no Streamlit). The page,
its board slide and the board pack render the same object, so no figure is computed twice."""
