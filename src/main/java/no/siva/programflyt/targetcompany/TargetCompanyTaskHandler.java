package no.siva.programflyt.targetcompany;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.brreg.AccountsClient;
import no.siva.programflyt.brreg.RegisterUnavailableException;
import no.siva.programflyt.forms.FormSubmission;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.BusinessRuleException;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.shared.ProgrammePeriod;
import no.siva.programflyt.targetcompany.eligibility.Figures;
import no.siva.programflyt.targetcompany.eligibility.OwnershipText;
import no.siva.programflyt.targetcompany.ledger.AidLedger;
import no.siva.programflyt.targetcompany.ledger.EurRates;
import no.siva.programflyt.tasks.TaskCompletionHandler;
import no.siva.programflyt.tasks.UserTask;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Stores what each target-company task decided and hands the engine only the gateway flags. */
@Component
class TargetCompanyTaskHandler implements TaskCompletionHandler {

    private final TargetCompanyService service;
    private final TargetCompanyRepository companies;
    private final AidLedger ledger;
    private final EurRates rates;
    private final DevelopmentDialogues dialogues;
    private final AuditService audit;
    private final MessageSource messages;
    private final AccountsClient accounts;

    private final Clock clock;
    private final ProgrammePeriod programme;

    public TargetCompanyTaskHandler(Clock clock, TargetCompanyService service, TargetCompanyRepository companies, AidLedger ledger,
                                    EurRates rates, DevelopmentDialogues dialogues, AuditService audit, MessageSource messages,
                                    AccountsClient accounts, ProgrammePeriod programme) {
        this.clock = clock;
        this.programme = programme;
        this.accounts = accounts;
        this.service = service;
        this.companies = companies;
        this.ledger = ledger;
        this.rates = rates;
        this.dialogues = dialogues;
        this.audit = audit;
        this.messages = messages;
    }

    @Override
    public Set<String> bpmnProcessIds() {
        return Set.of(TargetCompanyService.PROCESS_ID, TargetCompanyService.ADMISSION_PROCESS_ID,
                TargetCompanyService.YEAR_PROCESS_ID);
    }

    /** The needs mapping starts from the last annual accounts in Regnskapsregisteret, where they are filed. */
    @Override
    public Map<String, List<String>> prefill(UserTask task) {
        if ("avtale-og-plan".equals(task.getElementId())) {
            // §14.5: «Dato for signering av egenerklæringsskjema vil tilsvare opptaksdato i program»
            LocalDate signed = companies.findById(task.getCaseId()).map(TargetCompany::getSelfDeclarationSignedOn).orElse(null);
            return signed == null ? Map.of() : Map.of("avtalestart", List.of(signed.toString()));
        }
        if (!"kartlegge-behov".equals(task.getElementId())) {
            return Map.of();
        }
        try {
            return accounts.latest(task.getBusinessKey()).map(a -> {
                Map<String, List<String>> v = new HashMap<>();
                v.put("regnskapsar", List.of(Integer.toString(a.year())));
                put(v, "omsetning", a.turnover());
                put(v, "balanse", a.totalAssets());
                put(v, "egenkapital", a.equity());
                put(v, "aksjekapital", a.paidInEquity());
                return v;
            }).orElse(Map.of());
        } catch (RegisterUnavailableException e) {
            return Map.of();   // the operator types the figures; the form says where they come from
        }
    }

    private static void put(Map<String, List<String>> v, String key, BigDecimal value) {
        if (value != null) {
            v.put(key, List.of(value.stripTrailingZeros().toPlainString()));
        }
    }

    @Override
    public FormSubmission validate(UserTask task, FormSubmission s, Locale locale) {
        switch (task.getElementId()) {
            case "kartlegge-behov" -> {
                if (s.decimal("arsverk") == null || s.decimal("omsetning") == null || s.decimal("balanse") == null
                        || s.decimal("regnskapsar") == null) {
                    return s;   // the schema's own errors are shown
                }
                // §14.1.6: «Valutakurs for euro skal beregnes som gjennomsnittlig valutakurs for det året virksomheten
                // har mottatt innovasjonsstøtte» -- the aid is granted at admission, this year
                OwnershipRows rows = OwnershipRows.of(s);
                OwnershipText.Parsed p = OwnershipText.parse(new Figures(s.decimal("arsverk"), s.decimal("omsetning"),
                        s.decimal("balanse")), rows.enterprises(), rows.holdings(),
                        rates.forYear(LocalDate.now(clock).getYear()).nokPerEur());
                for (OwnershipText.Problem problem : p.problems()) {
                    // at the row's field it concerns, with the row number the page shows
                    s = s.withError(rows.fieldOf(problem), messages.getMessage("form.error.inRow",
                            new Object[] {rows.shownRow(problem), messages.getMessage(problem.key(), problem.args(), locale)}, locale));
                }
                return s;
            }
            case "egenerklaering", "fornye-egenerklaering" -> {
                LocalDate signed = date(s, "signertDato");
                TargetCompany c = companies.findById(task.getCaseId()).orElseThrow();
                if (signed != null && signed.isAfter(LocalDate.now(clock))) {
                    s = s.withError("signertDato", messages.getMessage("targetcompany.error.signedInFuture",
                            new Object[] {new Formats().date(LocalDate.now(clock))}, locale));
                } else if (signed != null && !programme.contains(signed)) {
                    s = s.withError("signertDato", messages.getMessage("targetcompany.error.outsideProgramme",
                            new Object[] {new Formats().date(programme.start()), new Formats().date(programme.end())}, locale));
                } else
                    if (signed != null && "fornye-egenerklaering".equals(task.getElementId())
                            && c.getSelfDeclarationSignedOn() != null && !signed.isAfter(c.getSelfDeclarationSignedOn())) {
                                s = s.withError("signertDato", messages.getMessage("targetcompany.error.renewalNotAfter",
                                        new Object[] {new Formats().date(c.getSelfDeclarationSignedOn())}, locale));
                            }
                if ("ja".equals(s.string("annenStotte"))) {
                    for (String k : new String[] {"annenStotteEur", "annenStotteKilde", "annenStotteDato"}) {
                        if (s.string(k) == null || s.string(k).isBlank()) {
                            s = s.withError(k, messages.getMessage("targetcompany.error.otherAidDetails", null, locale));
                        }
                    }
                }
                return s;
            }
            case "avtale-og-plan" -> {
                TargetCompany c = companies.findById(task.getCaseId()).orElseThrow();
                LocalDate start = date(s, "avtalestart");
                LocalDate end = date(s, "avtaleslutt");
                // §14.5: «Dato for signering av egenerklæringsskjema vil tilsvare opptaksdato i program (alle nye opptak
                // skal signere egenerklæringsskjema ved avtaleinngåelse mellom NH/INK og bedrift)»
                if (start != null && c.getSelfDeclarationSignedOn() != null && !start.equals(c.getSelfDeclarationSignedOn())) {
                    s = s.withError("avtalestart", messages.getMessage("targetcompany.error.startNotSigningDate",
                            new Object[] {new Formats().date(c.getSelfDeclarationSignedOn())}, locale));
                }
                if (start != null && end != null && !end.isAfter(start)) {
                    s = s.withError("avtaleslutt", messages.getMessage("targetcompany.error.endBeforeStart", null, locale));
                } else if (end != null && end.isAfter(programme.end())) {
                    s = s.withError("avtaleslutt", messages.getMessage("targetcompany.error.afterProgrammeEnd",
                            new Object[] {new Formats().date(programme.end())}, locale));
                }
                BigDecimal granted = s.decimal("innvilgetStotte");
                if (s.valid() && start != null && end != null && granted != null) {
                    try {
                        ledger.checkGrant(c, start, granted, start, end);
                    } catch (BusinessRuleException e) {
                        s = s.withError("date".equals(e.field()) ? "avtalestart" : "innvilgetStotte",
                                messages.getMessage(e.messageKey(), e.args(), locale));
                    }
                }
                return s;
            }
            default -> {
                return s;
            }
        }
    }

    @Override
    public Map<String, Object> onComplete(UserTask task, FormSubmission s, CurrentUser user) {
        TargetCompany c = service.load(task.getCaseId());
        switch (task.getElementId()) {
            case "kartlegge-behov" -> {
                OwnershipRows ownership = OwnershipRows.of(s);
                c.mapped(s.string("behov") + "\n\nUtviklingsløp: " + s.string("utviklingslop"), s.decimal("arsverk"),
                        s.decimal("omsetning"), s.decimal("balanse"), s.decimal("regnskapsar").intValue(),
                        s.string("smbForrigeAr"), s.decimal("aksjekapital"), s.decimal("egenkapital"),
                        s.decimal("mellombalanseEgenkapital"), ownership.enterprises(), ownership.holdings(),
                        s.bool("innovasjonsselskap"), s.bool("gjeldsforhandling"), s.bool("tilbakebetalingskrav"),
                        s.bool("oppkjopt"));
                record(c, user, "NEEDS_MAPPED", "Behov og opplysninger for kvalifisering er registrert");
                return Map.of();
            }
            case "vurdere-kvalifisering" -> {
                boolean ok = "kvalifisert".equals(s.string("konklusjon"));
                c.reviewed(ok, s.string("begrunnelse"));
                record(c, user, "ELIGIBILITY_REVIEWED", ok ? "Vurdert: kan tas opp" : "Vurdert: kan ikke tas opp");
                return Map.of("reviewApproved", ok);
            }
            case "egenerklaering", "fornye-egenerklaering" -> {
                LocalDate signed = date(s, "signertDato");
                BigDecimal other = "ja".equals(s.string("annenStotte")) ? s.decimal("annenStotteEur") : BigDecimal.ZERO;
                c.selfDeclarationSigned(signed, other);
                if (other.signum() > 0) {
                    ledger.declareOtherAid(c, date(s, "annenStotteDato"), other, s.string("annenStotteKilde"));
                }
                record(c, user, "SELF_DECLARATION_SIGNED", "Egenerklæring signert " + new Formats().date(signed) + " av "
                        + s.string("signertAv") + "; gyldig til " + new Formats().date(c.getSelfDeclarationValidUntil()));
                return Map.of();
            }
            case "avtale-og-plan" -> {
                c.agreed(date(s, "avtalestart"), date(s, "avtaleslutt"), s.string("omfang"), s.string("mal"),
                        s.string("tjenester"), date(s, "revisjonsdato"), s.string("ktuNavn"), s.string("ktuEpost"),
                        s.decimal("stotteintensitet"));
                ledger.grant(c.getId(), c.getAgreementStart(), s.decimal("innvilgetStotte"),
                        "Målbedriftsavtale " + new Formats().date(c.getAgreementStart()) + "–"
                                + new Formats().date(c.getAgreementEnd()),
                        user.username());
                record(c, user, "AGREEMENT_SIGNED", "Målbedriftsavtale " + new Formats().date(c.getAgreementStart()) + "–"
                        + new Formats().date(c.getAgreementEnd()) + ", støtteintensitet "
                        + c.getAidIntensityPercent().stripTrailingZeros().toPlainString() + " %");
                return Map.of();
            }
            case "utviklingssamtale" -> {
                String positive = codes(s.values().get("taksonomiPositiv"));
                String harm = codes(s.values().get("taksonomiSkade"));
                dialogues.insert(new DevelopmentDialogues.Held(c.getId(), date(s, "samtaledato"), s.decimal("srl").intValue(),
                        positive, harm, s.bool("kvinneGrunder"), s.bool("kvinneDagligLeder"), s.bool("kvinneStyreleder"),
                        s.bool("eksport"), s.bool("internasjonaltMarked"), s.bool("henvist"), s.bool("internasjonaleKontakter"),
                        s.string("behovNeste")), user.username(), clock.instant());
                record(c, user, "DEVELOPMENT_DIALOGUE", "Utviklingssamtale " + new Formats().date(date(s, "samtaledato"))
                        + ", SRL " + s.decimal("srl").intValue());
                return Map.of();
            }
            case "registrere-opptak-portal", "registrere-exit-portal" -> {
                record(c, user, "PORTAL_UPDATED", "Registrert i Flerbedriftsportalen");
                return Map.of();
            }
            default -> throw new IllegalStateException("Unknown target-company task " + task.getElementId());
        }
    }

    /** A checklist's values as "EU1,EU3" (sorted), empty when none. */
    private static String codes(Object checklist) {
        return checklist instanceof Collection<?> list
                ? list.stream().map(Object::toString).sorted().collect(Collectors.joining(",")) : "";
    }

    private static LocalDate date(FormSubmission s, String key) {
        String v = s.string(key);
        return v == null || v.isBlank() ? null : LocalDate.parse(v);
    }

    private void record(TargetCompany c, CurrentUser user, String action, String summary) {
        audit.record(user.username(), action, TargetCompanyService.CASE_TYPE, c.getId(), c.getOrgNumber(), summary, null);
    }
}
