-- The share register's one rule for its queries (analytics.cooperative.register, .refunds), run on every connection after _macros.sql.
-- Kept apart from _macros.sql, whose text is part of the data checks' rule book (checks.rule_book_id).

-- register_entries: the entries of a shares file dated on or before on_day (every column of the file),
-- signed by share_sign: shares (+ in, - out) and amount_eur (EUR); a missing quantity or value counts
-- for nothing, as in the share capital's sum (a rule reports it).
create or replace macro register_entries(shares_file, on_day) as table
    select
        *,
        coalesce(share_sign(kind) * quantity, 0) as shares,
        coalesce(share_sign(kind) * quantity * unit_value_eur, 0) as amount_eur
    from read_parquet(shares_file)
    where date <= on_day;
