-- The task list matches a user's groups against a task's candidate groups by array overlap (&&), which a GIN index on
-- the open tasks serves; before, a LIKE on the comma-separated text scanned every row (bench/README.md, issue 25).
-- The comma-separated column stays the one the application writes; the array is generated from it, so it cannot
-- disagree with it.
alter table user_task add column candidate_group_set text[]
    generated always as (string_to_array(candidate_groups, ',')) stored;
create index user_task_open_groups_idx on user_task using gin (candidate_group_set) where state = 'OPEN';
create index user_task_open_assignee_idx on user_task (assignee) where state = 'OPEN';
