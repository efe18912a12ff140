package no.siva.programflyt.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.registry.OperatorService;
import no.siva.programflyt.registry.OperatorStatus;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Siva's yearly development dialogue with each operator (guide §6.2), held with the county. One that shows the
 * operator is not developing as the programme requires raises trigger T2 of the extraordinary follow-up.
 */
@Service
public class OperatorDialogues {

    private final Clock clock;
    private final DialogueRecords records;
    private final OperatorRepository operators;
    private final FollowUpTriggers triggers;
    private final AuditService audit;

    OperatorDialogues(Clock clock, DialogueRecords records, OperatorRepository operators, FollowUpTriggers triggers,
                      AuditService audit) {
        this.clock = clock;
        this.records = records;
        this.operators = operators;
        this.triggers = triggers;
        this.audit = audit;
    }

    public record Dialogue(long id, LocalDate heldOn, boolean countyParticipated, String outcome, String summary,
                           String recordedBy) {
        public boolean onTrack() {
            return "ON_TRACK".equals(outcome);
        }
    }

    /**
     * Records Siva's development dialogue with an operator (held with the county). When it shows the operator is not
     * developing as the programme requires, trigger T2 is raised as a message once the record is committed.
     */
    @Transactional
    public long recordDialogue(CurrentUser user, long operatorId, LocalDate heldOn, boolean countyParticipated,
                               boolean onTrack, String summary) {
        if (!FollowUpService.mayAssess(user)) {
            throw new AccessDeniedException("may not record development dialogues");
        }
        Operator o = operators.findById(operatorId).orElseThrow(() -> new NotFoundException("operator " + operatorId));
        long id = records.add(operatorId, heldOn, countyParticipated, onTrack, summary, user.username(), clock.instant());
        audit.record(user.username(), "DEVELOPMENT_DIALOGUE", OperatorService.CASE_TYPE,
                operatorId, o.getOrgNumber(), "Utviklingssamtale " + new Formats().date(heldOn) + ": "
                        + (onTrack ? "ønsket utvikling" : "ikke ønsket utvikling"),
                summary);
        if (!onTrack && o.getStatus() != OperatorStatus.TERMINATED) {
            triggers.publishAfterCommit(operatorId, TriggerType.DEVELOPMENT_DIALOGUE, "Utviklingssamtalen "
                    + new Formats().date(heldOn) + ": " + summary, "utviklingssamtale-" + id, user.username());
        }
        return id;
    }

    public List<Dialogue> dialogues(long operatorId) {
        return records.ofOperator(operatorId);
    }
}
