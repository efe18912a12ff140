-- Process 5: each operator's yearly reporting calendar (guide §11.1): one row per operator and year, one per obligation.

create table reporting_year (
    id                   bigserial primary key,
    operator_id          bigint not null references operator(id),
    year                 int not null,
    process_instance_key bigint,
    created_at           timestamptz not null default now(),
    unique (operator_id, year)
);

create table reporting_obligation (
    id                bigserial primary key,
    reporting_year_id bigint not null references reporting_year(id),
    operator_id       bigint not null references operator(id),
    year              int not null,
    code              varchar(40) not null,
    due_date          date not null,
    status            varchar(20) not null,
    submitted_by      varchar(60),
    submitted_at      timestamptz,
    reviewed_by       varchar(60),
    reviewed_at       timestamptz,
    rejection_reason  varchar(4000),
    comment           varchar(4000),
    locked            boolean not null default false,
    unique (reporting_year_id, code)
);
create index reporting_obligation_due on reporting_obligation (status, due_date);

-- The operator's target figures for a year (guide §11.2): approved by Siva and then locked.
create table target_figures (
    operator_id       bigint not null references operator(id),
    year              int not null,
    figures           varchar(8000) not null,
    locked            boolean not null default false,
    primary key (operator_id, year)
);

-- A task may be about one item within its case (e.g. one obligation of an operator's reporting year).
alter table user_task add column subject_id bigint;
