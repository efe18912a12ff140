-- Programflyt foundation schema: registry, users, task projection, audit, outbox, incidents, admission cases.

create table county (
    code        varchar(2) primary key,
    name        varchar(100) not null
);

insert into county (code, name) values
    ('03', 'Oslo'), ('11', 'Rogaland'), ('15', 'Møre og Romsdal'), ('18', 'Nordland'),
    ('31', 'Østfold'), ('32', 'Akershus'), ('33', 'Buskerud'), ('34', 'Innlandet'),
    ('39', 'Vestfold'), ('40', 'Telemark'), ('42', 'Agder'), ('46', 'Vestland'),
    ('50', 'Trøndelag'), ('55', 'Troms'), ('56', 'Finnmark');

create table operator (
    id              bigserial primary key,
    org_number      varchar(9) not null unique,
    name            varchar(200) not null,
    county_code     varchar(2) not null references county(code),
    status          varchar(30) not null,
    siva_contact    varchar(100),
    period_start    date,
    period_end      date,
    created_at      timestamptz not null default now(),
    version         bigint not null default 0
);

create table app_user (
    username        varchar(60) primary key,
    full_name       varchar(200) not null,
    email           varchar(200) not null,
    password_hash   varchar(200) not null,
    roles           varchar(200) not null,          -- comma-separated Role names
    operator_id     bigint references operator(id),
    enabled         boolean not null default true
);

create table app_user_county (
    username        varchar(60) not null references app_user(username) on delete cascade,
    county_code     varchar(2) not null references county(code),
    primary key (username, county_code)
);

-- Projection of the engine's job-based user tasks: the application's task list.
create table user_task (
    id                    bigserial primary key,
    job_key               bigint not null unique,
    process_instance_key  bigint not null,
    bpmn_process_id       varchar(100) not null,
    element_id            varchar(100) not null,
    name                  varchar(200) not null,
    form_id               varchar(100),
    candidate_groups      varchar(500) not null default '',
    assignee              varchar(60),
    due_at                timestamptz,
    follow_up_at          timestamptz,
    state                 varchar(20) not null,
    case_type             varchar(40),
    case_id               bigint,
    business_key          varchar(100),
    case_title            varchar(300),
    county_code           varchar(2),
    operator_id           bigint,
    created_at            timestamptz not null default now(),
    completed_at          timestamptz,
    completed_by          varchar(60),
    version               bigint not null default 0
);
create index user_task_open_idx on user_task (state, due_at);
create index user_task_case_idx on user_task (case_type, case_id);

create table saved_task_filter (
    id          bigserial primary key,
    username    varchar(60) not null references app_user(username) on delete cascade,
    name        varchar(100) not null,
    query       varchar(1000) not null,
    unique (username, name)
);

-- Append-only audit trail.
create table audit_event (
    id            bigserial primary key,
    occurred_at   timestamptz not null default now(),
    actor         varchar(60) not null,
    action        varchar(60) not null,
    case_type     varchar(40),
    case_id       bigint,
    business_key  varchar(100),
    summary       varchar(1000) not null,
    details       text
);
create index audit_event_case_idx on audit_event (case_type, case_id, occurred_at);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end $$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_append_only();

-- E-mail outbox: written in the same transaction as the business change, sent afterwards.
create table outbox_message (
    id              bigserial primary key,
    dedup_key       varchar(300) not null unique,
    recipient       varchar(300) not null,
    subject         varchar(300) not null,
    body_html       text not null,
    status          varchar(20) not null,
    attempts        int not null default 0,
    last_error      varchar(1000),
    case_type       varchar(40),
    case_id         bigint,
    created_at      timestamptz not null default now(),
    next_attempt_at timestamptz not null default now(),
    sent_at         timestamptz
);
create index outbox_pending_idx on outbox_message (status, next_attempt_at);

-- Jobs whose retries are exhausted: visible to Siva case handlers, retryable.
create table incident (
    id                    bigserial primary key,
    job_key               bigint not null,
    process_instance_key  bigint not null,
    bpmn_process_id       varchar(100) not null,
    element_id            varchar(100) not null,
    job_type              varchar(100) not null,
    error_message         varchar(2000) not null,
    case_type             varchar(40),
    case_id               bigint,
    business_key          varchar(100),
    created_at            timestamptz not null default now(),
    resolved_at           timestamptz,
    resolved_by           varchar(60)
);
create unique index incident_open_job_idx on incident (job_key) where resolved_at is null;

-- Process 1: admission of a new operator via pilot project (forprosjekt).
create table admission_case (
    id                      bigserial primary key,
    project_type            varchar(40) not null,
    org_number              varchar(9) not null,
    company_name            varchar(200) not null,
    county_code             varchar(2) not null references county(code),
    company_email           varchar(200),
    pilot_budget            numeric(14,2) not null,
    pilot_end_date          date not null,
    description             varchar(4000),
    status                  varchar(40) not null,
    process_instance_key    bigint,
    qualified               boolean,
    assessment_summary      varchar(4000),
    proposed_grant          numeric(14,2),
    proposal_justification  varchar(4000),
    decided_grant           numeric(14,2),
    county_reservations     varchar(4000),
    decision_justification  varchar(4000),
    operator_id             bigint references operator(id),
    created_by              varchar(60) not null,
    created_at              timestamptz not null default now(),
    closed_at               timestamptz,
    version                 bigint not null default 0
);
create index admission_case_county_idx on admission_case (county_code, status);

create table admission_criterion (
    case_id         bigint not null references admission_case(id) on delete cascade,
    criterion_no    int not null,
    met             boolean not null,
    justification   varchar(4000) not null,
    primary key (case_id, criterion_no)
);
