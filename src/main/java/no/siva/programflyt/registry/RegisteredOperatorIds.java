package no.siva.programflyt.registry;

import java.util.Optional;
import no.siva.programflyt.security.OperatorIds;
import org.springframework.stereotype.Component;

/** The login's view of the operator register: an organisation number to the operator's id. */
@Component
class RegisteredOperatorIds implements OperatorIds {

    private final OperatorRepository operators;

    RegisteredOperatorIds(OperatorRepository operators) {
        this.operators = operators;
    }

    @Override
    public Optional<Long> byOrgNumber(String orgNumber) {
        return operators.findByOrgNumber(orgNumber).map(Operator::getId);
    }
}
