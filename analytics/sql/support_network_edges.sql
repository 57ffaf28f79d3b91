-- Who helped whom after $start up to $as_of (member mentoring and boost sessions, introductions), between at most $max_nodes well-connected members.
with window_services as (
    select kind, member_id, provider_id, introduced_member_id
    from read_parquet($services)
    where date > $start
      and date <= $as_of
),

links as (
    select provider_id as source, member_id as target, 'mentoring' as link
    from window_services
    where kind in ('mentoring', 'boost_session')
      and provider_id is not null
    union all
    select member_id as source, introduced_member_id as target, 'introduction' as link
    from window_services
    where kind = 'introduction'
      and introduced_member_id is not null
),

edges as (
    select source, target, link, count(*) as services
    from links
    where source <> target
    group by source, target, link
),

ends as (
    select source as member_id, services from edges
    union all
    select target as member_id, services from edges
),

degree as (
    select member_id, sum(services) as services, count(*) over () as total_nodes
    from ends
    group by member_id
),

ranked_edges as (
    select
        e.source,
        e.target,
        row_number() over (
            order by ds.services + dt.services desc, e.services desc, e.source, e.target, e.link
        ) as edge_rank
    from edges as e
    inner join degree as ds on ds.member_id = e.source
    inner join degree as dt on dt.member_id = e.target
),

first_seen as (
    select member_id, min(edge_rank) as first_rank
    from (
        select source as member_id, edge_rank from ranked_edges
        union all
        select target as member_id, edge_rank from ranked_edges
    )
    group by member_id
),

kept as (
    select d.member_id, d.services, d.total_nodes
    from first_seen as f
    inner join degree as d using (member_id)
    qualify row_number() over (order by f.first_rank, d.services desc, d.member_id) <= $max_nodes
),

members as (
    select member_id, company, role
    from read_parquet($members)
)

select
    e.source,
    e.target,
    e.link,
    e.services,
    ms.company as source_company,
    ms.role as source_role,
    ks.services as source_services,
    mt.company as target_company,
    mt.role as target_role,
    kt.services as target_services,
    ks.total_nodes
from edges as e
inner join kept as ks on ks.member_id = e.source
inner join kept as kt on kt.member_id = e.target
left join members as ms on ms.member_id = e.source
left join members as mt on mt.member_id = e.target
order by e.services desc, e.source, e.target, e.link
