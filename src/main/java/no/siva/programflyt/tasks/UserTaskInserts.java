package no.siva.programflyt.tasks;

import java.time.Instant;

/** The task list's insert keyed by the engine's job: a re-activated job (timeout, restart) finds its row. */
interface UserTaskInserts {

    /** The task's row, unless its job has one already; whether it was inserted now. */
    boolean insertIfAbsent(NewTask task, Instant at);
}
