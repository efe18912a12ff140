package no.siva.programflyt.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.BusinessRuleException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An operator's target figures (måltall) for a year (guide §11.2): saved by the operator, locked when Siva approves. */
@Service
public class TargetFigures {

    public record Figures(long operatorId, int year, Map<String, Object> values, boolean locked) {}

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final AuditService audit;

    public TargetFigures(JdbcClient jdbc, ObjectMapper json, AuditService audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
    }

    public Optional<Figures> find(long operatorId, int year) {
        return jdbc.sql("select figures, locked from target_figures where operator_id = ? and year = ?")
                .params(operatorId, year).query((rs, n) -> new Figures(operatorId, year, read(rs.getString(1)),
                        rs.getBoolean(2)))
                .optional();
    }

    /** The approved (locked) figures of every operator for a year, by operator (one query). */
    public Map<Long, Map<String, Object>> lockedForYear(int year) {
        Map<Long, Map<String, Object>> m = new HashMap<>();
        jdbc.sql("select operator_id, figures from target_figures where year = ? and locked").param(year)
                .query((rs, n) -> m.put(rs.getLong(1), read(rs.getString(2)))).list();
        return m;
    }

    /** Saves (or replaces) the year's figures; refused once Siva has approved and locked them. */
    @Transactional
    public void save(long operatorId, int year, Map<String, Object> values, CurrentUser user) {
        Boolean locked = jdbc.sql("select locked from target_figures where operator_id = ? and year = ? for update")
                .params(operatorId, year).query(Boolean.class).optional().orElse(false);
        if (locked) {
            throw new BusinessRuleException("reporting.error.figuresLocked", Integer.toString(year));
        }
        jdbc.sql("""
                insert into target_figures (operator_id, year, figures) values (?, ?, ?)
                on conflict (operator_id, year) do update set figures = excluded.figures""")
                .params(operatorId, year, write(values)).update();
        audit.record(user.username(), "TARGET_FIGURES_SAVED", ReportingService.CASE_TYPE, null, null,
                "Måltall for " + year + " er lagret", null);
    }

    @Transactional
    public void lock(long operatorId, int year, CurrentUser user) {
        jdbc.sql("update target_figures set locked = true where operator_id = ? and year = ?").params(operatorId, year).update();
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
