-- Capital calls adding up to more than their commitment: each call from the one that takes the commitment's calls (in date order) above committed_eur.
with calls as (
    select file_row_number, flow_id, commitment_id, date, amount_eur
    from read_parquet($path, file_row_number = true)
    where kind = 'call'
),

commitments as (
    select commitment_id, committed_eur
    from read_parquet($commitments)
),

called as (
    select
        c.file_row_number,
        sum(c.amount_eur) over (
            partition by c.commitment_id
            order by c.date, c.flow_id, c.file_row_number
            rows between unbounded preceding and current row
        ) as called_eur
    from calls as c
),

broken as (
    select c.file_row_number
    from calls as c
    inner join called as s using (file_row_number)
    inner join commitments as m using (commitment_id)
    where s.called_eur > m.committed_eur
)

select
    count(*) as broken_rows,
    min(file_row_number) + 1 as first_row,
    list(file_row_number + 1 order by file_row_number)[1:$examples] as example_rows
from broken
