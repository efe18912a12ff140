package no.siva.programflyt.targetcompany.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The programme guide's §14.1.1 table, row by row, and its edges. */
class SmeTestTest {

    @ParameterizedTest(name = "alternative {4}: {0} årsverk, omsetning {1}, balanse {2} -> SMB {3}")
    @CsvSource({
            // work units, turnover EUR, balance EUR, SME?, alternative
            "250,      1000000,  1000000,  false, 1",
            "400,      1000000,  1000000,  false, 1",
            "249,      50000001, 43000001, false, 2",
            "249,      60000000, 40000000, true,  3",
            "249,      40000000, 50000000, true,  4",
            "249,      40000000, 40000000, true,  5",
            // edges: the money thresholds themselves are allowed (at most), 249.9 work units is fewer than 250
            "249.9,    50000000, 43000000, true,  5",
            "10,       50000000, 43000001, true,  4",
    })
    void theGuidesTable(String workUnits, String turnover, String balance, boolean sme, int alternative) {
        SmeTest.Result r = SmeTest.of(Figures.of(workUnits, turnover, balance));
        assertThat(r.sme()).isEqualTo(sme);
        assertThat(r.alternative()).isEqualTo(alternative);
    }
}
