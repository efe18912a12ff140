package no.siva.programflyt.tasks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.cases.CaseDirectory;
import no.siva.programflyt.cases.CaseInfo;
import no.siva.programflyt.processes.BpmnModels;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Turns a user-task job into a row of the task list, once. */
@Component
class UserTaskProjection {

    static final String H_CANDIDATE_GROUPS = "io.camunda.zeebe:candidateGroups";
    static final String H_ASSIGNEE = "io.camunda.zeebe:assignee";
    static final String H_DUE_DATE = "io.camunda.zeebe:dueDate";
    static final String H_FOLLOW_UP_DATE = "io.camunda.zeebe:followUpDate";
    static final String H_FORM_KEY = "io.camunda.zeebe:formKey";
    /** Our own header naming the form in {@code forms/}, for engines that do not pass linked form ids to jobs. */
    static final String H_FORM_ID = "formId";

    private final UserTaskRepository tasks;
    private final BpmnModels models;
    private final CaseDirectory cases;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;

    private final Clock clock;

    UserTaskProjection(Clock clock, UserTaskRepository tasks, BpmnModels models, CaseDirectory cases,
                       AuditService audit,
                       ApplicationEventPublisher events, ObjectMapper json) {
        this.clock = clock;
        this.tasks = tasks;
        this.models = models;
        this.cases = cases;
        this.audit = audit;
        this.events = events;
        this.json = json;
    }

    @Transactional
    public void project(ActivatedJob job) {
        Map<String, String> h = job.getCustomHeaders();
        Map<String, Object> vars = job.getVariablesAsMap();
        // A process may name the task and choose its form per instance (variables taskName, taskForm), e.g. one
        // user task element serving every obligation of the reporting calendar.
        String name = vars.get("taskName") instanceof String n && !n.isBlank() ? n
                : models.elementName(job.getBpmnProcessId(), job.getElementId());
        String caseType = cases.caseTypeOfProcess(job.getBpmnProcessId()).orElse(null);
        Long caseId = asLong(vars.get("caseId"));
        NewTask t = new NewTask(job.getKey(), job.getProcessInstanceKey(), job.getBpmnProcessId(), job.getElementId(),
                name, vars.get("taskForm") instanceof String f && !f.isBlank() ? f : formId(h),
                String.join(",", groups(h.get(H_CANDIDATE_GROUPS))), blankToNull(h.get(H_ASSIGNEE)),
                instant(h.get(H_DUE_DATE)), instant(h.get(H_FOLLOW_UP_DATE)), caseType, caseId,
                (String) vars.get("businessKey"),
                cases.find(caseType, caseId).map(CaseInfo::title).orElse(null), (String) vars.get("countyCode"),
                asLong(vars.get("operatorId")), asLong(vars.get("subjectId")));
        // once per job: a re-activated job (timeout, restart) finds its row and changes nothing
        if (tasks.insertIfAbsent(t, clock.instant())) {
            audit.record(AuditService.SYSTEM, "TASK_CREATED", caseType, caseId, t.businessKey(),
                    "Ny oppgave: " + name, null);
            events.publishEvent(new TaskCreatedEvent(job.getKey()));
        }
    }

    private String formId(Map<String, String> h) {
        String own = h.get(H_FORM_ID);
        if (own != null && !own.isBlank()) {
            return own;
        }
        String key = h.get(H_FORM_KEY);
        if (key == null) {
            return null;
        }
        int colon = key.lastIndexOf(':');
        return colon >= 0 ? key.substring(colon + 1) : key;
    }

    private List<String> groups(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(header, new TypeReference<List<String>>() {});
        } catch (Exception e) {
            return List.of(header.split(","));
        }
    }

    private static Instant instant(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Long asLong(Object o) {
        return o instanceof Number n ? n.longValue() : o instanceof String s && s.matches("\\d+") ? Long.valueOf(s) : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Published after a task row is created (in the same transaction). */
    public record TaskCreatedEvent(long jobKey) {}
}
