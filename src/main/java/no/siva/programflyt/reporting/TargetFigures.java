package no.siva.programflyt.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.BusinessRuleException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An operator's target figures (måltall) for a year (guide §11.2): saved by the operator, locked when Siva approves. */
@Service
public class TargetFigures {

    public record Figures(long operatorId, int year, Map<String, Object> values, boolean locked) {}

    private final TargetFigureRows rows;
    private final ObjectMapper json;
    private final AuditService audit;

    TargetFigures(TargetFigureRows rows, ObjectMapper json, AuditService audit) {
        this.rows = rows;
        this.json = json;
        this.audit = audit;
    }

    public Optional<Figures> find(long operatorId, int year) {
        return rows.find(operatorId, year).map(r -> new Figures(operatorId, year, read(r.figures()), r.locked()));
    }

    /** The approved (locked) figures of every operator for a year, by operator (one query). */
    public Map<Long, Map<String, Object>> lockedForYear(int year) {
        Map<Long, Map<String, Object>> m = new HashMap<>();
        rows.lockedForYear(year).forEach((operatorId, figures) -> m.put(operatorId, read(figures)));
        return m;
    }

    /** Saves (or replaces) the year's figures; refused once Siva has approved and locked them. */
    @Transactional
    public void save(long operatorId, int year, Map<String, Object> values, CurrentUser user) {
        if (rows.lockedForUpdate(operatorId, year)) {
            throw new BusinessRuleException("reporting.error.figuresLocked", Integer.toString(year));
        }
        rows.save(operatorId, year, write(values));
        audit.record(user.username(), "TARGET_FIGURES_SAVED", ReportingService.CASE_TYPE, null, null,
                "Måltall for " + year + " er lagret", null);
    }

    @Transactional
    public void lock(long operatorId, int year, CurrentUser user) {
        rows.lock(operatorId, year);
        audit.record(user.username(), "TARGET_FIGURES_LOCKED", ReportingService.CASE_TYPE, null, null,
                "Måltall for " + year + " er godkjent og låst", null);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String s) {
        try {
            return json.readValue(s, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Map<String, Object> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
