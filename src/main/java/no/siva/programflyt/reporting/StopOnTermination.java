package no.siva.programflyt.reporting;

import no.siva.programflyt.followup.OperatorTerminated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Stops the reporting of an operator that an earlier version's one-job termination has taken out of the programme. */
@Component
class StopOnTermination {

    private final ReportingStop stop;

    StopOnTermination(ReportingStop stop) {
        this.stop = stop;
    }

    @EventListener
    void on(OperatorTerminated terminated) {
        stop.stopForOperator(terminated.operatorId(), terminated.reason());
    }
}
