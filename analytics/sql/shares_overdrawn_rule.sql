-- Redemptions and transfers out larger than the member's holding of that class on that date: the holding, every entry of the member's class up to the end of that day added up, falls below zero.
with entries as (
    select file_row_number, member_id, share_class, date, kind, share_sign(kind) * quantity as signed_quantity
    from read_parquet($path, file_row_number = true)
),

held as (
    select member_id, share_class, date, sum(signed_quantity) as day_quantity
    from entries
    group by member_id, share_class, date
),

running as (
    select
        member_id,
        share_class,
        date,
        sum(day_quantity) over (partition by member_id, share_class order by date) as held_quantity
    from held
),

broken as (
    select e.file_row_number
    from entries as e
    inner join running as r using (member_id, share_class, date)
    where share_sign(e.kind) = -1
      and r.held_quantity < 0
)

select
    count(*) as broken_rows,
    min(file_row_number) + 1 as first_row,
    list(file_row_number + 1 order by file_row_number)[1:$examples] as example_rows
from broken
