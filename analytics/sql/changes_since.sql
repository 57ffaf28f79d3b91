-- Changes after $since up to $as_of: joiners, leavers, commitments, cancellations, investments, exits.
-- Dated events come from the as-of snapshot; cancellations, which carry no date, from comparing the
-- commitments' status with the earlier snapshot's ($previous_commitments). Subjects are named only when $named.
with members as (
    select member_id, company, role, joined_on, left_on
    from read_parquet($members)
),

joiners as (
    select 'member_joined' as change, joined_on as date, listed_name(company, $named) as subject, role as detail,
        null::decimal(38, 2) as amount_eur
    from members
    where joined_on > $since and joined_on <= $as_of
),

leavers as (
    select 'member_left' as change, left_on as date, listed_name(company, $named) as subject, role as detail,
        null::decimal(38, 2) as amount_eur
    from members
    where left_on > $since and left_on <= $as_of
),

commitments as (
    select 'commitment_' || status as change, signed_on as date,
        case when investor_category <> 'individual' then listed_name(investor_name, $named) end as subject,
        investor_type as detail, committed_eur::decimal(38, 2) as amount_eur
    from read_parquet($commitments)
    where signed_on > $since and signed_on <= $as_of and commitment_kind(status) is not null
),

cancelled as (
    select 'commitment_cancelled' as change, null::date as date,
        case when now.investor_category <> 'individual' then listed_name(now.investor_name, $named) end
            as subject,
        now.investor_type as detail, now.committed_eur::decimal(38, 2) as amount_eur
    from read_parquet($commitments) as now
    inner join read_parquet($previous_commitments) as before using (commitment_id)
    where now.status = 'cancelled' and commitment_kind(before.status) is not null
),

tickets as (
    select i.*, m.company
    from read_parquet($investments) as i
    left join members as m using (member_id)
),

new_investments as (
    select 'investment_made' as change, invested_on as date, listed_name(coalesce(company, member_id), $named) as subject,
        instrument as detail, amount_eur::decimal(38, 2) as amount_eur
    from tickets
    where invested_on > $since and invested_on <= $as_of
),

exits as (
    select 'investment_' || status as change, exited_on as date, listed_name(coalesce(company, member_id), $named) as subject,
        instrument as detail, proceeds_eur::decimal(38, 2) as amount_eur
    from tickets
    where is_exit(status) and exited_on > $since and exited_on <= $as_of
)

select * from joiners
union all select * from leavers
union all select * from commitments
union all select * from cancelled
union all select * from new_investments
union all select * from exits
order by change, date, subject, detail, amount_eur  -- ties (individuals, no date) in a fixed order
