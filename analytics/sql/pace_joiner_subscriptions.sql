-- Members who joined from $start to $end inclusive, and the EUR of ordinary shares they subscribed in that time.
with joiners as (
    select member_id
    from read_parquet($members)
    where joined_on between $start and $end
),

subscribed as (
    select sum(quantity * unit_value_eur)::double as eur
    from read_parquet($shares)
    where kind = 'subscription'
      and share_class = 'ordinary'
      and date between $start and $end
      and member_id in (select member_id from joiners)
)

select (select count(*) from joiners) as joiners, coalesce((select eur from subscribed), 0)::double as subscribed_eur
