-- Shares bought (subscriptions and transfers in) after the member left: dated after their left_on.
with broken as (
    select s.file_row_number
    from read_parquet($path, file_row_number = true) as s
    inner join read_parquet($members) as m on m.member_id = s.member_id
    where share_sign(s.kind) = 1
      and s.date > m.left_on
)

select
    count(*) as broken_rows,
    min(file_row_number) + 1 as first_row,
    list(file_row_number + 1 order by file_row_number)[1:$examples] as example_rows
from broken
