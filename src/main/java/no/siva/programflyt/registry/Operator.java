package no.siva.programflyt.registry;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A programme operator (programoperatør, næringshage): a company admitted to the programme. */
@Entity
public class Operator {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String orgNumber;
    private String name;
    private String countyCode;
    @Enumerated(EnumType.STRING)
    private OperatorStatus status;
    private String sivaContact;
    private LocalDate periodStart;
    private LocalDate periodEnd;
    /** The grant step (trinn) the last differentiation placed the operator on, from the year after it. */
    /** Registered directly by an administrator (an operator of the 2023 cohort), not admitted through a pilot project. */
    private boolean registeredDirectly;
    private Instant createdAt;
    @Version
    private long version;

    protected Operator() {}

    public Operator(String orgNumber, String name, String countyCode, OperatorStatus status, String sivaContact,
                    Instant createdAt) {
        this.orgNumber = orgNumber;
        this.name = name;
        this.countyCode = countyCode;
        this.status = status;
        this.sivaContact = sivaContact;
        this.createdAt = createdAt;
    }

    /**
     * First programme period: five years from admission, with a possible five-year extension (guide §12.1), never
     * past the programme's end («Næringshageprogrammet 2023–2032»).
     */
    public void startFirstPeriod(LocalDate start, LocalDate programmeEnd) {
        this.periodStart = start;
        LocalDate fiveYears = start.plusYears(5).minusDays(1);
        this.periodEnd = fiveYears.isAfter(programmeEnd) ? programmeEnd : fiveYears;
    }

    /** An existing operator, registered directly by an administrator outside the pilot-project path. */
    public void registeredDirectly() {
        this.registeredDirectly = true;
    }

    public boolean isRegisteredDirectly() {
        return registeredDirectly;
    }

    public void update(String name, String countyCode, OperatorStatus status, String sivaContact) {
        this.name = name;
        this.countyCode = countyCode;
        this.status = status;
        this.sivaContact = sivaContact;
    }

    public Long getId() {
        return id;
    }

    public String getOrgNumber() {
        return orgNumber;
    }

    public String getName() {
        return name;
    }

    public String getCountyCode() {
        return countyCode;
    }

    public OperatorStatus getStatus() {
        return status;
    }

    public String getSivaContact() {
        return sivaContact;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    /** Under extraordinary follow-up, back to active, or terminated (a terminated operator stays terminated). */
    public void changeStatus(OperatorStatus to) {
        if (status != OperatorStatus.TERMINATED) {
            this.status = to;
        }
    }
}
