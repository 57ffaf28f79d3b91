-- Each investor's capital account on $as_of: commitment, calls and distributions in EUR, named as the viewer's scope allows.
with commitments as (
    select *
    from read_parquet($commitments)
    where signed_on <= $as_of
),

flows as (
    select
        commitment_id,
        sum(amount_eur) filter (where kind = 'call') as called_eur,
        sum(amount_eur) filter (where kind = 'distribution') as distributed_eur
    from read_parquet($fund_flows)
    where date <= $as_of
    group by commitment_id
)

select
    c.commitment_id,
    -- an individual's name is personal data; a company's or an institution's is listed with the rows
    case
        when c.investor_category <> 'individual' or $personal then listed_name(c.investor_name, $named)
    end as investor_name,
    c.investor_type,
    c.investor_category,
    c.status,
    c.signed_on,
    c.committed_eur::double as committed_eur,
    coalesce(f.called_eur, 0)::double as called_eur,
    coalesce(f.distributed_eur, 0)::double as distributed_eur
from commitments as c
left join flows as f using (commitment_id)
where c.status = 'signed' or f.commitment_id is not null
order by c.signed_on, c.commitment_id
