-- Services that break the introduction rule: introduced_member_id is set only on introductions.
with broken as (
    select file_row_number
    from read_parquet($path, file_row_number = true)
    where introduced_member_id is not null and kind <> 'introduction'
)

select count(*), min(file_row_number) + 1
from broken
