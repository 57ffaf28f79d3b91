-- Tickets whose member was not an active member on invested_on (the cooperators-only rule).
with tickets as (
    select file_row_number, member_id, invested_on
    from read_parquet($path, file_row_number = true)
),

members as (
    select member_id, joined_on, left_on
    from read_parquet($members)
),

broken as (
    select t.file_row_number
    from tickets as t
    left join members as m
        on m.member_id = t.member_id
        and m.joined_on <= t.invested_on
        and (m.left_on is null or m.left_on > t.invested_on)
    where m.member_id is null
)

select count(*), min(file_row_number) + 1
from broken
