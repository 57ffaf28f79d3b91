-- Free-service hours and sessions given from $start to $end, both inclusive.
select hours, sessions
from service_totals($services, $start, $end)
