-- A task completion is committed with its job's completion command (decision 0002, revised for issue 25): the command
-- is sent after the commit, with no database connection held while the engine answers, and a command that did not
-- reach the engine (application stopped, engine unavailable) is sent again from here until the engine has answered.
create table job_completion (
    job_key     bigint primary key,
    task_id     bigint not null,
    variables   text not null,
    created_at  timestamptz not null,
    attempts    integer not null default 0,
    answered_at timestamptz,
    outcome     varchar(20),
    last_error  varchar(1000)
);
create index job_completion_unanswered_idx on job_completion (created_at) where outcome is null;
