package no.siva.programflyt.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrgNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"923609016", "923 609 016", "974760673", "912345602", "912345742"})
    void acceptsValidNumbers(String org) {
        assertThat(OrgNumber.isValid(org)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"923609017", "92360901", "9236090166", "abcdefghi", "", " ", "986152179",
            // sum gives check digit 10: never valid
            "123456780"})
    void refusesInvalidNumbers(String org) {
        assertThat(OrgNumber.isValid(org)).isFalse();
    }

    @Test
    void checkDigitTenIsNeverValid() {
        // 12345678x: weights 3,2,7,6,5,4,3,2 give 138; 138 % 11 = 6; 11 - 6 = 5: so ...5 is valid, and
        // 10000001x: 3 + 2 = 5; 11 - 5 = 6 ... find one whose remainder is 1 (check digit 10) by brute force.
        for (int base = 10000000; base < 10000100; base++) {
            String s = Integer.toString(base);
            int sum = 0;
            int[] w = {3, 2, 7, 6, 5, 4, 3, 2};
            for (int i = 0; i < 8; i++) {
                sum += (s.charAt(i) - '0') * w[i];
            }
            if (11 - sum % 11 == 10) {
                for (int d = 0; d <= 9; d++) {
                    assertThat(OrgNumber.isValid(s + d)).as(s + d).isFalse();
                }
                return;
            }
        }
        throw new AssertionError("no base with check digit 10 in range");
    }

    @Test
    void amountsAreParsedAsNorwegiansTypeThem() {
        assertThat(Amounts.parse("1 250 000")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1250000"));
        assertThat(Amounts.parse("1250000,50")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1250000.50"));
        assertThat(Amounts.parse("250\u00a0000 kr")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("250000"));
        assertThat(Amounts.parse("1.250.000")).isEmpty();
        assertThat(Amounts.parse("12,345")).isEmpty();
        assertThat(Amounts.parse("tusen")).isEmpty();
    }
}
