-- Issue 21, rule 11: the programme's mid-term evaluation in 2027 (guide §4.5) is a task for Siva's project leaders.
create table programme_evaluation (
    id                    bigserial primary key,
    kind                  varchar(20) not null check (kind in ('MIDTERM')),
    year                  int not null,
    process_instance_key  bigint,
    tendered_on           date,
    performed_by          varchar(300),
    findings              text,
    follow_up             text,
    completed_by          varchar(60),
    completed_at          timestamptz,
    created_at            timestamptz not null,
    unique (kind, year)
);
