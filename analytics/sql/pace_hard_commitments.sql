-- Hard commitments in EUR signed by calendar quarter and investor type, from $start to $end inclusive.
select quarter_of(signed_on) as quarter, investor_type, sum(committed_eur)::double as hard_eur
from raised_commitments($commitments, $end)
where kind = 'hard'
  and signed_on >= $start
group by quarter, investor_type
order by quarter, investor_type
