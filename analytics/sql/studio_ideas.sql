-- Ideas at $as_of with their origin members' companies and the latest introduction between two of them on or before creation.
with ideas as (
    select idea_id, title, created_on, stage, stage_changed_on, origin_member_ids
    from read_parquet($ideas)
),

origins as (
    select idea_id, unnest(origin_member_ids) as member_id, generate_subscripts(origin_member_ids, 1) as position
    from ideas
),

companies as (
    select o.idea_id, string_agg(coalesce(m.company, '(' || o.member_id || ')'), ' · ' order by o.position) as companies
    from origins as o
    left join read_parquet($members) as m on m.member_id = o.member_id
    group by o.idea_id
),

introductions as (
    select date, member_id, introduced_member_id
    from read_parquet($services)
    where kind = 'introduction'
      and introduced_member_id is not null
),

born_from as (
    select a.idea_id, max(s.date) as introduction_on
    from origins as a
    join origins as b on b.idea_id = a.idea_id and b.member_id <> a.member_id
    join introductions as s on s.member_id = a.member_id and s.introduced_member_id = b.member_id
    join ideas as i on i.idea_id = a.idea_id
    where s.date <= i.created_on
    group by a.idea_id
)

select
    i.idea_id,
    listed_name(i.title, $named) as title,
    i.created_on,
    i.stage,
    i.stage_changed_on,
    listed_name(c.companies, $named) as companies,
    f.introduction_on
from ideas as i
left join companies as c on c.idea_id = i.idea_id
left join born_from as f on f.idea_id = i.idea_id
order by i.created_on desc, i.idea_id
