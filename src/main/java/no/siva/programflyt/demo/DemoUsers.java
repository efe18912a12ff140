package no.siva.programflyt.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import no.siva.programflyt.registry.CooperationAgreement;
import no.siva.programflyt.registry.CooperationAgreementRepository;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.registry.OperatorStatus;
import no.siva.programflyt.security.AppUser;
import no.siva.programflyt.security.AppUserRepository;
import no.siva.programflyt.security.Role;
import no.siva.programflyt.shared.ProgrammePeriod;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Demo users, one or more per role, all with the password {@value #PASSWORD}, and two demo operators.
 * Dev profile and tests only ({@code programflyt.demo.users=true}).
 */
@Component
@ConditionalOnProperty(name = "programflyt.demo.users", havingValue = "true")
public class DemoUsers {

    public static final String PASSWORD = "demo";
    public static final String CASE_HANDLER = "saksbehandler";
    public static final String PROJECT_LEADER = "prosjektleder";
    public static final String VESTLAND = "fylke-vestland";
    public static final String NORDLAND = "fylke-nordland";
    public static final String OPERATOR_USER = "naeringshage";
    public static final String ADMIN = "admin";
    /** Org numbers of the demo operators: Sogn Næringshage AS (Vestland) and Helgeland Næringshage AS (Nordland). */
    public static final List<String> DEMO_OPERATORS = List.of("923609016", "912345602");

    private final AppUserRepository users;
    private final OperatorRepository operators;
    private final CooperationAgreementRepository agreements;
    private final PasswordEncoder encoder;

    private final Clock clock;

    public DemoUsers(Clock clock, AppUserRepository users, OperatorRepository operators,
                     CooperationAgreementRepository agreements, PasswordEncoder encoder) {
        this.agreements = agreements;
        this.clock = clock;
        this.users = users;
        this.operators = operators;
        this.encoder = encoder;
        create();
    }

    void create() {
        if (users.existsById(ADMIN)) {
            return;
        }
        Operator sogn = operator(DEMO_OPERATORS.get(0), "Sogn Næringshage AS", "46", "Sara Saksbehandler");
        Operator helgeland = operator(DEMO_OPERATORS.get(1), "Helgeland Næringshage AS", "18", "Sara Saksbehandler");
        agreement(sogn, "1800000");
        agreement(helgeland, "2100000");
        String hash = encoder.encode(PASSWORD);
        users.save(new AppUser(CASE_HANDLER, "Sara Saksbehandler", "sara.saksbehandler@siva.no", hash,
                Set.of(Role.SIVA_SAKSBEHANDLER), Set.of(), null));
        users.save(new AppUser("saksbehandler2", "Sindre Saksbehandler", "sindre.saksbehandler@siva.no", hash,
                Set.of(Role.SIVA_SAKSBEHANDLER), Set.of(), null));
        users.save(new AppUser(PROJECT_LEADER, "Per Prosjektleder", "per.prosjektleder@siva.no", hash,
                Set.of(Role.SIVA_PROSJEKTLEDER), Set.of(), null));
        users.save(new AppUser(VESTLAND, "Vilde Vestland", "vilde.radgiver@vlfk.no", hash,
                Set.of(Role.FYLKE), Set.of("46"), null));
        users.save(new AppUser(NORDLAND, "Nils Nordland", "nils.radgiver@nfk.no", hash,
                Set.of(Role.FYLKE), Set.of("18"), null));
        // the manager of Sogn Næringshage: invites and removes its own staff (Tilganger)
        AppUser ola = new AppUser(OPERATOR_USER, "Ola Operatør", "ola@sognnh.no", hash, Set.of(Role.OPERATOR), Set.of(),
                sogn.getId());
        ola.grant(Set.of(Role.OPERATOR), Set.of(), sogn.getId(), true);
        users.save(ola);
        users.save(new AppUser(ADMIN, "Anne Administrator", "admin@siva.no", hash,
                Set.of(Role.ADMIN, Role.SIVA_SAKSBEHANDLER), Set.of(), null));
    }

    /** The operators joined the programme in 2023, before Programflyt: their agreements have no admission case here. */
    private void agreement(Operator o, String annualGrant) {
        if (agreements.findByOperatorId(o.getId()).isEmpty()) {
            agreements.save(new CooperationAgreement(o.getId(), null, LocalDate.of(2023, 1, 1), new BigDecimal(annualGrant),
                    null, ProgrammePeriod.standard().end(), clock.instant()));
        }
    }

    private Operator operator(String org, String name, String county, String contact) {
        return operators.findByOrgNumber(org).orElseGet(() -> {
            Operator o = new Operator(org, name, county, OperatorStatus.ACTIVE, contact, clock.instant());
            o.startFirstPeriod(LocalDate.of(2023, 1, 1), ProgrammePeriod.standard().end());
            return operators.save(o);
        });
    }
}
