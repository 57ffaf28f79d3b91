-- Rules shared by several queries, each defined once here and run on every connection (analytics.db.connect).
-- DESIGN.md section 4 gives the definitions. Scalar macros state a rule on one row; table macros read a
-- snapshot file (their first argument is its path) and return the rows or totals a KPI is computed from,
-- so two queries showing the same KPI read it from one place. Table macro arguments are named *_file,
-- *_day and on_day so that they never shadow a column of the files they read.

-- Members ---------------------------------------------------------------------------------------------

-- is_active: a member is active on day d when joined on or before d and not yet left (left_on null or after d).
create or replace macro is_active(joined_on, left_on, d) as
    joined_on <= d and (left_on is null or left_on > d);

-- is_cooperator: the cooperators-only rule; the company was an active member on the ticket's invested_on.
-- False (never null) when the member is unknown or a date is missing.
create or replace macro is_cooperator(joined_on, left_on, invested_on) as
    coalesce(is_active(joined_on, left_on, invested_on), false);

-- Share register --------------------------------------------------------------------------------------

-- share_sign: +1 for entries that add shares, -1 for those that remove them, 0 for an unknown kind
-- (which counts for nothing; the Data page's checks report it).
create or replace macro share_sign(kind) as
    case
        when kind in ('subscription', 'transfer_in') then 1
        when kind in ('redemption', 'transfer_out') then -1
        else 0
    end;

-- Consultancy -----------------------------------------------------------------------------------------

-- is_revenue: an invoice counts as revenue when invoiced or paid.
create or replace macro is_revenue(status) as
    status in ('invoiced', 'paid');

-- is_pipeline: a quote not yet invoiced.
create or replace macro is_pipeline(status) as
    status = 'quoted';

-- is_receivable: invoiced, not yet paid.
create or replace macro is_receivable(status) as
    status = 'invoiced';

-- revenue_lines: the revenue invoices of a consultancy file dated from start_day to end_day, both inclusive
-- (every column of the file; amount_eur in EUR as stored, decimal).
create or replace macro revenue_lines(consultancy_file, start_day, end_day) as table
    select *
    from read_parquet(consultancy_file)
    where is_revenue(status)
      and date between start_day and end_day;

-- Fund ------------------------------------------------------------------------------------------------

-- commitment_kind: 'hard' for a signed commitment, 'soft' for a pledged one, null otherwise (cancelled...).
create or replace macro commitment_kind(status) as
    case status
        when 'signed' then 'hard'
        when 'pledged' then 'soft'
    end;

-- raised_commitments: the commitments of a file signed on or before on_day that count as raised (hard or
-- soft), with their kind (every column of the file, plus kind).
create or replace macro raised_commitments(commitments_file, on_day) as table
    select *, commitment_kind(status) as kind
    from read_parquet(commitments_file)
    where signed_on <= on_day
      and commitment_kind(status) is not null;

-- is_exit: a ticket that has left the portfolio (exited or written off).
create or replace macro is_exit(status) as
    status in ('exited', 'written_off');

-- Calendar --------------------------------------------------------------------------------------------

-- quarter_of: the first day of the calendar quarter containing d (a date).
create or replace macro quarter_of(d) as
    date_trunc('quarter', d::date)::date;

-- month_of: the first day of the calendar month containing d (a date).
create or replace macro month_of(d) as
    date_trunc('month', d::date)::date;

-- quarters_up_to: one row per calendar quarter (its first day, column quarter) from first_quarter to the
-- quarter containing last_day; no row when first_quarter is null.
create or replace macro quarters_up_to(first_quarter, last_day) as table
    select unnest(generate_series(first_quarter, quarter_of(last_day), interval 3 month))::date as quarter;

-- Free services ---------------------------------------------------------------------------------------

-- service_totals: free-service hours (double, 0 when none) and sessions dated from start_day to end_day,
-- both inclusive. The one source of the quarter's support hours and sessions.
create or replace macro service_totals(services_file, start_day, end_day) as table
    select
        coalesce(sum(hours), 0)::double as hours,
        count(*) as sessions
    from read_parquet(services_file)
    where date between start_day and end_day;

-- is_recent_help: a service dated d falls in the recent_days days up to on_day (on_day itself included).
create or replace macro is_recent_help(d, on_day, recent_days) as
    d <= on_day and d > on_day - recent_days;

-- days_without_help: days from a member's last service (or joining day, when never helped) to on_day.
create or replace macro days_without_help(last_service, joined_on, on_day) as
    (on_day - coalesce(last_service, joined_on))::integer;

-- supported_help: the supported members active on on_day (member_id, company, province, joined_on) with
-- the date of their last service on or before on_day (last_service, null when never helped).
create or replace macro supported_help(members_file, services_file, on_day) as table
    with supported as (
        select member_id, company, province, joined_on
        from read_parquet(members_file)
        where role = 'supported'
          and is_active(joined_on, left_on, on_day)
    ),

    last_help as (
        select member_id, max(date) as last_service
        from read_parquet(services_file)
        where date <= on_day
        group by member_id
    )

    select s.member_id, s.company, s.province, s.joined_on, l.last_service
    from supported as s
    left join last_help as l using (member_id);

-- mentoring_given: mentoring hours (double) and sessions dated start_day to on_day given by each supporting
-- member active on on_day who gave more than 0 hours (member_id, company, hours, sessions). The one
-- source of the mentor load.
create or replace macro mentoring_given(members_file, services_file, start_day, on_day) as table
    with mentors as (
        select member_id, company
        from read_parquet(members_file)
        where role = 'supporting'
          and is_active(joined_on, left_on, on_day)
    ),

    given as (
        select provider_id as member_id, sum(hours) as hours, count(*) as sessions
        from read_parquet(services_file)
        where kind = 'mentoring'
          and provider_id is not null
          and date between start_day and on_day
        group by provider_id
        having sum(hours) > 0
    )

    select g.member_id, m.company, g.hours, g.sessions
    from given as g
    inner join mentors as m using (member_id);

-- Impact ----------------------------------------------------------------------------------------------

-- period_reports: each member's value per metric and period ending from first_day to last_day; when a
-- member reported a metric twice for a period, the last row of the file wins. Callers keep the range
-- short (one period where they can): finding the last report is an aggregate over every member,
-- period and metric in the range, and over a whole history it took 130 MB at scale 1000.
create or replace macro period_reports(impact_file, first_day, last_day) as table
    select member_id, period_end, metric, arg_max(value, file_row_number) as value
    from read_parquet(impact_file, file_row_number = true)
    where period_end between first_day and last_day
    group by member_id, period_end, metric;
