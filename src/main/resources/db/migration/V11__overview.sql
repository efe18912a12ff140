-- The status overview (issue 9): one row per case of every process, kept by the audit trail's events (each worker
-- step and task completion writes one), never by polling the engine. Open tasks and incidents are joined live.
create table case_state (
    case_type       varchar(30) not null,
    case_id         bigint not null,
    bpmn_process_id varchar(60),
    title           varchar(300) not null,
    business_key    varchar(60),
    county_code     varchar(2),
    counties        text[] not null default '{}',
    operator_id     bigint,
    case_year       int,
    stage_key       varchar(80) not null,
    url             varchar(300) not null,
    started_at      timestamptz,
    ended_at        timestamptz,
    last_event_at   timestamptz not null,
    last_event      varchar(500),
    -- where the case's user tasks are: the case itself, or (a round's county part) the round's tasks of that county
    task_case_type  varchar(30) not null,
    task_case_id    bigint not null,
    task_county     varchar(2),
    primary key (case_type, case_id)
);
create index case_state_stage on case_state (case_type, stage_key);
create index case_state_county on case_state (county_code);
create index case_state_counties on case_state using gin (counties);
create index case_state_operator on case_state (operator_id);
create index case_state_last_event on case_state (last_event_at desc, case_type, case_id);
create index case_state_tasks on case_state (task_case_type, task_case_id);
create index incident_case_idx on incident (case_type, case_id) where resolved_at is null;

-- The per-county part of a differentiation round is a case of its own in the overview.
alter table diff_round_county add column id bigserial unique;

-- Saved views of the overview, shared by everyone with the same role and scope (the same counties or operator).
create table saved_overview_view (
    id          bigserial primary key,
    role        varchar(30) not null,
    scope       varchar(200) not null,
    name        varchar(100) not null,
    query       varchar(1000) not null,
    created_by  varchar(60) not null,
    created_at  timestamptz not null default now(),
    unique (role, scope, name)
);
