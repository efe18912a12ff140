package no.siva.programflyt.tasks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The table {@code user_task}: Spring Data's queries, and the insert keyed by job ({@link UserTaskInserts}). */
public interface UserTaskRepository extends JpaRepository<UserTask, Long>, UserTaskInserts {

    Optional<UserTask> findByJobKey(long jobKey);

    /** The single winner of a completion race: only the first update finds the task open. */
    @Modifying
    @Query("""
            update UserTask t set t.state = 'COMPLETED', t.completedAt = :now, t.completedBy = :user,
                   t.version = t.version + 1
            where t.id = :id and t.state = 'OPEN'""")
    int markCompleted(@Param("id") long id, @Param("user") String user, @Param("now") Instant now);

    @Modifying
    @Query("update UserTask t set t.state = 'CANCELED', t.version = t.version + 1 where t.id = :id and t.state = 'OPEN'")
    int markCanceled(@Param("id") long id);

    @Modifying
    @Query("""
            update UserTask t set t.assignee = :user, t.version = t.version + 1
            where t.id = :id and t.state = 'OPEN' and t.assignee is null""")
    int claimIfFree(@Param("id") long id, @Param("user") String user);

    /** The holder as committed now (not as this transaction first read the task). */
    @Query("select t.assignee from UserTask t where t.id = :id")
    Optional<String> currentAssignee(@Param("id") long id);

    @Modifying
    @Query("update UserTask t set t.assignee = :user, t.version = t.version + 1 where t.id = :id and t.state = 'OPEN'")
    int setAssignee(@Param("id") long id, @Param("user") String user);

    List<UserTask> findByCaseTypeAndCaseIdOrderByCreatedAtAsc(String caseType, Long caseId);

    /** The first of a subject's tasks at a model element in a state (an obligation's open «Lever» task). */
    Optional<UserTask> findFirstBySubjectIdAndCaseTypeAndElementIdAndStateOrderById(Long subjectId, String caseType,
                                                                                    String elementId, String state);

    List<UserTask> findByProcessInstanceKeyAndStateOrderByCreatedAtAsc(long processInstanceKey, String state);

    /** The open tasks with a due date of these cases, earliest first per case (native: an array parameter). */
    @Query(value = """
            select distinct on (case_id) * from user_task where case_type = :caseType and state = 'OPEN'
            and due_at is not null and case_id = any(:caseIds) order by case_id, due_at, id""", nativeQuery = true)
    List<UserTask> findNextDueByCase(String caseType, Long[] caseIds);
}
