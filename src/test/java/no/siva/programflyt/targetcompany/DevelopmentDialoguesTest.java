package no.siva.programflyt.targetcompany;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.support.TestDate;
import no.siva.programflyt.tasks.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The development dialogue by the guide's vedlegg 4: positive effect and significant harm per EU objective, recorded
 * separately («Det skal også registreres om bedriften bidrar til vesentlig … skade på noen av de samme målene»); the
 * SRL per dialogue, and "increased SRL" from consecutive dialogues, feeding the year's target figures (§11.2).
 */
@TestDate("2027-03-01")
class DevelopmentDialoguesTest extends ProcessTestBase {

    @Autowired
    DevelopmentDialogues dialogues;
    @Autowired
    OperatorRepository operators;
    @Autowired
    JdbcClient jdbc;

    @Test
    void positiveAndHarmPerObjective_andIncreasedSrlFromConsecutiveDialogues() {
        long sogn = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow().getId();
        var staff = user(DemoUsers.OPERATOR_USER);
        TargetCompany a = admitTargetCompany(staff, sogn, "912345742", LocalDate.of(2026, 1, 5), LocalDate.of(2028, 1, 4));
        TargetCompany b = admitTargetCompany(staff, sogn, "912345815", LocalDate.of(2026, 1, 5), LocalDate.of(2028, 1, 4));
        // a: SRL 3 in 2026, 5 in 2027 (an increase); positive on EU1 and EU4, harm to EU2 -- both kept
        insertDialogue(a, LocalDate.of(2026, 6, 1), 3);
        UserTask dialogue = awaitOpenTask(TargetCompanyService.CASE_TYPE, a.getId(), "utviklingssamtale");
        Map<String, List<String>> input = new HashMap<>(Map.of("samtaledato", List.of("2027-02-20"),
                "srl", List.of("5"), "taksonomiPositiv", List.of("EU4", "EU1"), "taksonomiSkade", List.of("EU2"),
                "behovNeste", List.of("Eksport.")));
        assertThat(tasks.complete(staff, dialogue.getId(), input, NB).valid()).isTrue();
        assertThat(jdbc.sql("select taxonomy_positive || '|' || taxonomy_harm from development_dialogue "
                + "where target_company_id = ? and held_on = '2027-02-20'").param(a.getId()).query(String.class).single())
                .isEqualTo("EU1,EU4|EU2");
        // b: its first dialogues, both in 2027: 3 in February, 4 in October -- higher, but no increase from the
        // previous year (there is none), no effect either way
        insertDialogue(b, LocalDate.of(2027, 2, 10), 3);
        insertDialogue(b, LocalDate.of(2027, 10, 10), 4);

        DevelopmentDialogues.Actuals actuals = dialogues.actuals(sogn, 2027);
        assertThat(actuals.companies()).isEqualTo(2);
        assertThat(actuals.srlIncreasePercent()).isEqualByComparingTo("50");
        assertThat(actuals.taxonomyPositivePercent()).isEqualByComparingTo("50");
        assertThat(actuals.taxonomyHarmPercent()).isEqualByComparingTo("50");
        assertThat(dialogues.actuals(sogn, 2026).companies()).isEqualTo(1);
        assertThat(dialogues.actuals(sogn, 2026).srlIncreasePercent()).isZero();
    }

    private void insertDialogue(TargetCompany c, LocalDate on, int srl) {
        jdbc.sql("""
                insert into development_dialogue (target_company_id, held_on, srl, woman_founder, woman_ceo, woman_chair,
                    export, international_market, referred, international_contacts, recorded_by, recorded_at)
                values (?, ?, ?, false, false, false, false, false, false, false, 't', ?)""")
                .params(c.getId(), on, srl, Timestamp.from(clock.instant())).update();
    }
}
