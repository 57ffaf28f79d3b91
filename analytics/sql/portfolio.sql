-- The fund's tickets invested on or before $as_of, with the company and whether it was a cooperator then.
with tickets as (
    select *
    from read_parquet($investments)
    where invested_on <= $as_of
),

members as (
    select member_id, company, impact_theme, joined_on, left_on
    from read_parquet($members)
)

select
    t.investment_id,
    t.member_id,
    listed_name(m.company, $named) as company,
    m.impact_theme as theme,
    t.instrument,
    t.invested_on,
    t.amount_eur,
    t.status,
    t.exited_on,
    t.proceeds_eur,
    t.fair_value_eur,
    is_cooperator(m.joined_on, m.left_on, t.invested_on) as was_cooperator
from tickets as t
left join members as m using (member_id)
order by t.invested_on, t.investment_id
