-- Receipts a ticket cannot have paid: dated before its investment or after its exit, or, for an ended ticket, adding up to more than its proceeds.
with receipts as (
    select file_row_number, investment_id, date, amount_eur
    from read_parquet($path, file_row_number = true)
),

tickets as (
    select investment_id, invested_on, exited_on, proceeds_eur
    from read_parquet($investments)
),

received as (
    select investment_id, sum(amount_eur) as received_eur
    from receipts
    group by investment_id
),

broken as (
    select r.file_row_number
    from receipts as r
    inner join tickets as t using (investment_id)
    left join received as s using (investment_id)
    where r.date < t.invested_on
       or r.date > t.exited_on
       or s.received_eur > t.proceeds_eur
)

select
    count(*) as broken_rows,
    min(file_row_number) + 1 as first_row,
    list(file_row_number + 1 order by file_row_number)[1:$examples] as example_rows
from broken
