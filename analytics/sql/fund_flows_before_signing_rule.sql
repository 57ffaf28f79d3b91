-- Investors' cash flows (calls and distributions) dated before their commitment was signed.
with broken as (
    select f.file_row_number
    from read_parquet($path, file_row_number = true) as f
    inner join read_parquet($commitments) as c on c.commitment_id = f.commitment_id
    where f.date < c.signed_on
)

select
    count(*) as broken_rows,
    min(file_row_number) + 1 as first_row,
    list(file_row_number + 1 order by file_row_number)[1:$examples] as example_rows
from broken
