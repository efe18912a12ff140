-- A completion the engine has not answered is sent again when next_attempt_at has passed, each time later (every
-- attempt moves it on by a growing wait), so that instances share the work and one failing row does not hold back the
-- others; after the last attempt the row is marked FAILED and logged as an error (JobCompletions).
alter table job_completion add column next_attempt_at timestamptz;
update job_completion set next_attempt_at = created_at;
alter table job_completion alter column next_attempt_at set not null;
drop index job_completion_unanswered_idx;
create index job_completion_due_idx on job_completion (next_attempt_at) where outcome is null;
