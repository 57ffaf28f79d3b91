-- What a viewer's scope lets a query name (analytics.store.scope.Scope), run on every connection after _macros.sql.
-- Kept apart from _macros.sql, whose text is part of the data checks' rule book (checks.rule_book_id).

-- listed_name: a company's, client's, investor's or idea's name when the viewer's scope lists rows one by one
-- ($named, bound from Scope.rows), else null: a viewer of aggregates gets counts and sums, never who.
create or replace macro listed_name(value, named) as
    case when named then value end;
