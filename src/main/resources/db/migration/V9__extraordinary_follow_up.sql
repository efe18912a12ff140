-- Process 2: extraordinary follow-up of an operator (guide §6.6, §7.1). One open case per operator at a time.

create table follow_up_case (
    id                       bigserial primary key,
    operator_id              bigint not null references operator(id),
    org_number               varchar(9) not null,
    county_code              varchar(2) not null references county(code),
    status                   varchar(30) not null,
    started_at               timestamptz not null default now(),
    started_by               varchar(60) not null,
    reminder_at              timestamptz not null,
    escalate_at              timestamptz not null,
    process_instance_key     bigint,
    assessment               varchar(4000),
    conclusion               varchar(20),
    conclusion_justification varchar(4000),
    concluded_by             varchar(60),
    concluded_at             timestamptz,
    county_position          varchar(20),
    county_justification     varchar(4000),
    county_by                varchar(60),
    county_at                timestamptz,
    analysis_due             date,
    analysis_outcome         varchar(30),
    analysis_justification   varchar(4000),
    analysis_by              varchar(60),
    analysis_at              timestamptz,
    closed_at                timestamptz,
    version                  bigint not null default 0
);
create unique index follow_up_case_one_open on follow_up_case (operator_id) where closed_at is null;
create index follow_up_case_county on follow_up_case (county_code, status);

-- Why a case was opened or added to: each trigger once (source_key is the message id or the manual start's key).
create table follow_up_trigger (
    id           bigserial primary key,
    case_id      bigint not null references follow_up_case(id),
    trigger_type varchar(30) not null,
    evidence     varchar(4000) not null,
    source_key   varchar(200) not null unique,
    raised_by    varchar(60) not null,
    raised_at    timestamptz not null default now()
);

create table follow_up_meeting (
    id           bigserial primary key,
    case_id      bigint not null references follow_up_case(id),
    held_on      date not null,
    form         varchar(20) not null,
    participants varchar(1000) not null,
    summary      varchar(4000) not null,
    recorded_by  varchar(60) not null,
    recorded_at  timestamptz not null default now()
);

-- The scoreboard is versioned: each save is a new version with one score per area.
create table follow_up_scoreboard (
    id          bigserial primary key,
    case_id     bigint not null references follow_up_case(id),
    version_no  int not null,
    recorded_by varchar(60) not null,
    recorded_at timestamptz not null default now(),
    unique (case_id, version_no)
);
create table follow_up_score (
    scoreboard_id bigint not null references follow_up_scoreboard(id),
    area          varchar(40) not null,
    score         int not null check (score between 1 and 5),
    comment       varchar(2000),
    primary key (scoreboard_id, area)
);

create table follow_up_measure (
    id           bigserial primary key,
    case_id      bigint not null references follow_up_case(id),
    description  varchar(2000) not null,
    owner        varchar(200) not null,
    due_date     date not null,
    status       varchar(10) not null default 'OPEN',
    done_by      varchar(60),
    done_at      timestamptz,
    done_comment varchar(4000),
    created_by   varchar(60) not null,
    created_at   timestamptz not null default now()
);

-- Siva's yearly development dialogue with each operator, held with the county (guide §6.2).
create table operator_dialogue (
    id                  bigserial primary key,
    operator_id         bigint not null references operator(id),
    held_on             date not null,
    county_participated boolean not null,
    outcome             varchar(20) not null,
    summary             varchar(4000) not null,
    recorded_by         varchar(60) not null,
    recorded_at         timestamptz not null default now()
);

alter table cooperation_agreement add column revoked_on date;
alter table cooperation_agreement add column revoked_reason varchar(2000);
