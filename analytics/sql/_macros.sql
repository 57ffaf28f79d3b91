-- Rules shared by several queries, defined once on every connection (analytics.db.connect).
-- share_sign: +1 for entries that add shares, -1 for those that remove them, 0 for an unknown kind
-- (which counts for nothing; the Data page's checks report it).
create or replace macro share_sign(kind) as
    case
        when kind in ('subscription', 'transfer_in') then 1
        when kind in ('redemption', 'transfer_out') then -1
        else 0
    end;
