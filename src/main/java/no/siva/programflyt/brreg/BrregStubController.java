package no.siva.programflyt.brreg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import no.siva.programflyt.shared.OrgNumber;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Offline stand-in for Enhetsregisteret in the one-command run (profile dev only), answering in the real API's shape:
 * fixtures from {@code brreg-stub/<orgnr>.json}; any other valid org number is a plain AS; invalid ones 404.
 */
@RestController
@Profile("dev")
class BrregStubController {

    private final Clock clock;

    public BrregStubController(Clock clock) {
        this.clock = clock;
    }

    /** Regnskapsregisteret's shape: an array of annual accounts; every valid org number has last year's. */
    @GetMapping(value = "/stub/brreg-regnskap/regnskap/{org}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> accounts(@PathVariable String org) {
        if (!OrgNumber.isValid(org)) {
            return ResponseEntity.notFound().build();
        }
        int year = LocalDate.now(clock).getYear() - 1;
        return ResponseEntity.ok("""
                [{"id":1,"journalnr":"%d1","regnskapstype":"SELSKAP","valuta":"NOK","avviklingsregnskap":false,
                  "virksomhet":{"organisasjonsnummer":"%s","organisasjonsform":"AS","morselskap":false},
                  "regnskapsperiode":{"fraDato":"%d-01-01","tilDato":"%d-12-31"},
                  "revisjon":{"ikkeRevidertAarsregnskap":false,"fravalgRevisjon":false},
                  "eiendeler":{"sumEiendeler":4200000},
                  "egenkapitalGjeld":{"sumEgenkapitalGjeld":4200000,"egenkapital":{"sumEgenkapital":950000,
                    "innskuttEgenkapital":{"sumInnskuttEgenkapital":100000},"opptjentEgenkapital":{"sumOpptjentEgenkapital":850000}}},
                  "resultatregnskapResultat":{"driftsresultat":{"driftsresultat":600000,
                    "driftsinntekter":{"sumDriftsinntekter":7800000},"driftskostnad":{"sumDriftskostnad":7200000}}}}]"""
                .formatted(year, org, year, year));
    }

    @GetMapping(value = "/stub/brreg/enheter/{org}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> unit(@PathVariable String org) throws IOException {
        if (!OrgNumber.isValid(org)) {
            return ResponseEntity.notFound().build();
        }
        ClassPathResource fixture = new ClassPathResource("brreg-stub/" + org + ".json");
        if (fixture.exists()) {
            try (InputStream in = fixture.getInputStream()) {
                return ResponseEntity.ok(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return ResponseEntity.ok("""
                {"organisasjonsnummer":"%s","navn":"SELSKAP %s AS","organisasjonsform":{"kode":"AS","beskrivelse":"Aksjeselskap"},
                 "naeringskode1":{"kode":"70.220","beskrivelse":"Bedriftsrådgivning og annen administrativ rådgivning"},
                 "forretningsadresse":{"adresse":["Storgata 1"],"postnummer":"6800","poststed":"FØRDE","kommune":"SUNNFJORD"},
                 "konkurs":false,"underAvvikling":false,"underTvangsavviklingEllerTvangsopplosning":false}""".formatted(org, org));
    }
}
