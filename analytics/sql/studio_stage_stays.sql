-- Each stay of an idea (seen at $as_of) in a stage, read from every snapshot at once: entered and left dates.
with seen as (
    select as_of::date as as_of, idea_id, created_on, stage, stage_changed_on
    from read_parquet($idea_files, hive_partitioning = true, union_by_name = true)
    where as_of::date <= $as_of
),

current_ideas as (
    select idea_id, created_on
    from seen
    where as_of = $as_of
),

entries as (
    select distinct s.idea_id, s.stage, s.stage_changed_on as entered_on
    from seen as s
    semi join current_ideas as c on c.idea_id = s.idea_id
),

first_seen as (
    select idea_id, min(entered_on) as first_entered_on, bool_or(stage = 'idea') as idea_seen
    from entries
    group by idea_id
),

-- Every idea starts at the idea stage: when no snapshot saw it there, it lasted from creation to the first stage seen.
implied as (
    select c.idea_id, 'idea' as stage, c.created_on as entered_on
    from current_ideas as c
    join first_seen as f on f.idea_id = c.idea_id
    where not f.idea_seen
      and c.created_on < f.first_entered_on
),

stays as (
    select idea_id, stage, entered_on from entries
    union all
    select idea_id, stage, entered_on from implied
)

select
    idea_id,
    stage,
    entered_on,
    lead(entered_on) over (
        partition by idea_id
        order by entered_on, list_position(['idea', 'exploring', 'building', 'launched', 'dropped'], stage)
    ) as left_on
from stays
order by idea_id, entered_on
