-- Portfolio companies (an active ticket on $as_of): active cost in EUR, latest jobs created and GHG avoided.
with tickets as (
    select member_id, sum(amount_eur)::double as cost_eur
    from read_parquet($investments)
    where invested_on <= $as_of and status = 'active'
    group by member_id
),

latest_period as (
    select metric, max(period_end) as period_end
    from read_parquet($impact)
    where period_end <= $as_of
      and metric in ('jobs_created_fte', 'ghg_avoided_tco2e')
    group by metric
),

-- only the latest periods' reports: the last report per member is costly over a whole history
latest as (
    select r.member_id, r.metric, r.value
    from period_reports($impact, (select min(period_end) from latest_period), $as_of) as r
    inner join latest_period as p on r.metric = p.metric and r.period_end = p.period_end
),

members as (
    select member_id, company
    from read_parquet($members)
)

select
    t.member_id,
    listed_name(m.company, $named) as company,
    t.cost_eur,
    max(l.value) filter (where l.metric = 'jobs_created_fte') as jobs_created_fte,
    max(l.value) filter (where l.metric = 'ghg_avoided_tco2e') as ghg_avoided_tco2e
from tickets as t
left join members as m on t.member_id = m.member_id
left join latest as l on t.member_id = l.member_id
group by t.member_id, m.company, t.cost_eur
order by t.cost_eur desc, t.member_id
