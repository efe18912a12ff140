-- Issue 22: the differentiation method as the guide adopts it (§15.2–15.3).

-- Three report years per operator and indicator (§15.2: «sist tilgjengelige rapportår, samt for å se endring de tre
-- siste rapportårene»), each value with where it came from: the CSV import, Siva's hand, or Programflyt's own tables.
alter table diff_indicator_value add column report_year int;
alter table diff_indicator_value add column source varchar(20) not null default 'IMPORT'
    check (source in ('IMPORT', 'SIVA', 'PROGRAMFLYT'));
update diff_indicator_value v set report_year = r.round_year - 1 from diff_round r where r.id = v.round_id;
alter table diff_indicator_value alter column report_year set not null;
alter table diff_indicator_value drop constraint diff_indicator_value_pkey;
alter table diff_indicator_value add primary key (round_id, operator_id, indicator_code, report_year);

-- The method a round was analysed with (catalogue, bandings, weights, thresholds), frozen with the analysis: a past
-- round is always shown as it was decided, whatever the method says later.
alter table diff_round add column method_json text;

-- The method the project leader owns: a new version for each change (the newest is used by the next analysis).
create table diff_method (
    id          bigserial primary key,
    version_no  int not null unique,
    method_json text not null,
    note        varchar(2000),
    created_by  varchar(60) not null,
    created_at  timestamptz not null
);

-- Per operator and round: why it is not ranked, how it developed, and what the soundness figures say.
alter table diff_result add column not_ranked_reason varchar(1000);
alter table diff_result add column development varchar(4000);
alter table diff_result add column soundness varchar(2000);
alter table diff_result add column negative_criteria varchar(200);

-- The grant step with the date it takes effect (§15.3.10: «med virkning fra første halvår det kommende året»).
create table operator_grant_step (
    operator_id    bigint not null references operator(id),
    effective_from date not null,
    step           int not null check (step between 1 and 30),
    source         varchar(30) not null check (source in ('DIFFERENTIATION', 'LIMITED_ANALYSIS', 'REGISTERED')),
    round_id       bigint references diff_round(id),
    recorded_by    varchar(60) not null,
    recorded_at    timestamptz not null,
    primary key (operator_id, effective_from)
);
-- (a step already recorded on an operator counts from the programme's start; it was recorded when the operator was)
insert into operator_grant_step (operator_id, effective_from, step, source, recorded_by, recorded_at)
    select id, date '2023-01-01', grant_step, 'REGISTERED', 'system', created_at from operator where grant_step is not null;

-- The follow-up raised by a differentiation analysis: the limited analysis is due one year after that analysis
-- (§7.1: «begrenset differensieringsanalyse av disse etter ett år»), with its result kept on the case.
alter table follow_up_case add column flagged_by_round_id bigint references diff_round(id);
alter table follow_up_case add column flagged_on date;
alter table follow_up_case add column analysis_round_id bigint references diff_round(id);
alter table follow_up_case add column analysis_result varchar(4000);
alter table follow_up_case add column analysis_new_step int;
alter table operator drop column grant_step;
