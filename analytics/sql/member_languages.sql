-- Each member's language as the contract writes it (ISO 639-1, null when unknown), by member number: $members read with the contract's empty members file $contract_members by name, so a snapshot written before the column reads it as null.
select
    member_id,
    language
from read_parquet([$members, $contract_members], union_by_name = true)
order by member_id
