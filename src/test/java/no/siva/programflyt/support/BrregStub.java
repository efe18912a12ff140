package no.siva.programflyt.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Enhetsregisteret for tests: one WireMock server for the whole test run, answering in the real API's shape
 * (https://data.brreg.no/enhetsregisteret/api/enheter/{orgnr}). Every test context points its client here
 * ({@link ProcessTestBase}, and the tests that start the application themselves), so no test ever reaches the real
 * register. (Not in META-INF/spring.factories: `mvn spring-boot:run` has the test classes on its class path.)
 */
public final class BrregStub implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Valid org numbers with a special answer. */
    public static final String ASA = "912346021";
    public static final String UNKNOWN = "912346099";
    public static final String BANKRUPT = "912346161";
    /** A savings bank (NACE 64.190): excluded. */
    public static final String BANK = "912346226";
    /** A foundation (stiftelse) in NACE 94: eligible only after a manual review. */
    public static final String FOUNDATION = "912346218";
    /** A municipal enterprise (kommunalt foretak, KF): excluded by its organisation form alone. */
    public static final String MUNICIPAL_ENTERPRISE = "912346307";

    private static WireMockServer server;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("brreg-stub",
                Map.of("programflyt.brreg.base-url", server().baseUrl() + "/enhetsregisteret/api",
                        "programflyt.brreg.accounts-base-url", server().baseUrl() + "/regnskapsregisteret",
                        "programflyt.brreg.timeout", "PT2S")));
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort().globalTemplating(true));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            reset();
        }
        return server;
    }

    /** Every valid org number is a plain AS, except {@link #ASA}, {@link #UNKNOWN} (404) and {@link #BANKRUPT}. */
    public static void reset() {
        WireMockServer s = server();
        s.resetAll();
        s.stubFor(get(urlPathMatching("/enhetsregisteret/api/enheter/[0-9]{9}")).atPriority(10)
                .willReturn(okJson(unit("{{request.path.[3]}}", "SELSKAP {{request.path.[3]}} AS", "AS", "Aksjeselskap", false))));
        accounts(s);
        s.stubFor(get(urlPathEqualTo("/enhetsregisteret/api/enheter/" + ASA)).atPriority(1)
                .willReturn(okJson(unit(ASA, "FJORDTEST UTVIKLING ASA", "ASA", "Allmennaksjeselskap", false))));
        s.stubFor(get(urlPathEqualTo("/enhetsregisteret/api/enheter/" + BANKRUPT)).atPriority(1)
                .willReturn(okJson(unit(BANKRUPT, "KONKURSBO AS", "AS", "Aksjeselskap", true))));
        s.stubFor(get(urlPathEqualTo("/enhetsregisteret/api/enheter/" + BANK)).atPriority(1)
                .willReturn(okJson(unit(BANK, "FJORD SPAREBANK AS", "AS", "Aksjeselskap", false)
                        .replace("70.220", "64.190"))));
        s.stubFor(get(urlPathEqualTo("/enhetsregisteret/api/enheter/" + FOUNDATION)).atPriority(1)
                .willReturn(okJson(unit(FOUNDATION, "KYSTKULTUR STIFTELSE", "STI", "Stiftelse", false)
                        .replace("70.220", "94.991"))));
        s.stubFor(get(urlPathEqualTo("/enhetsregisteret/api/enheter/" + MUNICIPAL_ENTERPRISE)).atPriority(1)
                .willReturn(okJson(unit(MUNICIPAL_ENTERPRISE, "FJORDBYEN HAVN KF", "KF", "Kommunalt foretak", false))));
        s.stubFor(get(urlPathEqualTo("/enhetsregisteret/api/enheter/" + UNKNOWN)).atPriority(1)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"timestamp\":\"2026-11-23T10:00:00.000+00:00\",\"status\":404,\"error\":\"Not Found\","
                                + "\"message\":\"Ingen enhet med organisasjonsnummer " + UNKNOWN + " ble funnet\","
                                + "\"path\":\"/enhetsregisteret/api/enheter/" + UNKNOWN + "\"}")));
    }

    /** Regnskapsregisteret: every valid org number has two years of accounts (2023 and the latest, 2024). */
    private static void accounts(WireMockServer s) {
        s.stubFor(get(urlPathMatching("/regnskapsregisteret/regnskap/[0-9]{9}")).atPriority(10).willReturn(okJson("["
                + statement("{{request.path.[2]}}", 2023, 6100000, 3900000, 700000) + ","
                + statement("{{request.path.[2]}}", 2024, 7800000, 4200000, 950000) + "]")));
    }

    private static String statement(String org, int year, long turnover, long assets, long equity) {
        return """
                {"id":%d,"journalnr":"%d0001","regnskapstype":"SELSKAP","valuta":"NOK","avviklingsregnskap":false,
                 "oppstillingsplan":"store","virksomhet":{"organisasjonsnummer":"%s","organisasjonsform":"AS","morselskap":false},
                 "regnskapsperiode":{"fraDato":"%d-01-01","tilDato":"%d-12-31"},
                 "revisjon":{"ikkeRevidertAarsregnskap":false,"fravalgRevisjon":false},
                 "regnkapsprinsipper":{"smaaForetak":true,"regnskapsregler":"regnskapslovenAlminneligRegler"},
                 "egenkapitalGjeld":{"sumEgenkapitalGjeld":%d,"egenkapital":{"sumEgenkapital":%d,
                   "opptjentEgenkapital":{"sumOpptjentEgenkapital":%d},"innskuttEgenkapital":{"sumInnskuttEgenkapital":100000}},
                   "gjeldOversikt":{"sumGjeld":%d}},
                 "eiendeler":{"sumEiendeler":%d,"omloepsmidler":{"sumOmloepsmidler":%d},"anleggsmidler":{"sumAnleggsmidler":0}},
                 "resultatregnskapResultat":{"ordinaertResultatFoerSkattekostnad":500000,"aarsresultat":390000,
                   "totalresultat":390000,"finansresultat":{"nettoFinans":0},
                   "driftsresultat":{"driftsresultat":600000,"driftsinntekter":{"sumDriftsinntekter":%d},
                   "driftskostnad":{"sumDriftskostnad":%d}}}}"""
                .formatted(year, year, org, year, year, assets, equity, equity - 100000, assets - equity, assets, assets,
                        turnover, turnover - 600000);
    }

    /** The register is down: every lookup answers 503 until {@link #reset()}. */
    public static void outage() {
        WireMockServer s = server();
        s.stubFor(get(urlPathMatching("/enhetsregisteret/api/enheter/.*")).atPriority(0)
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
        s.stubFor(get(urlPathMatching("/regnskapsregisteret/regnskap/.*")).atPriority(0)
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
    }

    /** From now on the register shows this company as bankrupt (konkurs). */
    public static void goesBankrupt(String orgNumber) {
        server().stubFor(get(urlPathEqualTo("/enhetsregisteret/api/enheter/" + orgNumber)).atPriority(0)
                .willReturn(okJson(unit(orgNumber, "KONKURSBO " + orgNumber, "AS", "Aksjeselskap", true))));
    }

    public static int lookups(String orgNumber) {
        return server().countRequestsMatching(WireMock
                .getRequestedFor(urlPathEqualTo("/enhetsregisteret/api/enheter/" + orgNumber)).build()).getCount();
    }

    private static String unit(String org, String name, String form, String formText, boolean bankrupt) {
        return """
                {"organisasjonsnummer":"%s","navn":"%s","organisasjonsform":{"kode":"%s","beskrivelse":"%s",
                 "_links":{"self":{"href":"https://data.brreg.no/enhetsregisteret/api/organisasjonsformer/%s"}}},
                 "registreringsdatoEnhetsregisteret":"2015-03-02","registrertIMvaregisteret":true,
                 "naeringskode1":{"kode":"70.220","beskrivelse":"Bedriftsrådgivning og annen administrativ rådgivning"},
                 "antallAnsatte":6,"harRegistrertAntallAnsatte":true,
                 "forretningsadresse":{"land":"Norge","landkode":"NO","postnummer":"6800","poststed":"FØRDE",
                  "adresse":["Storehagen 1"],"kommune":"SUNNFJORD","kommunenummer":"4647"},
                 "stiftelsesdato":"2015-02-20","institusjonellSektorkode":{"kode":"2100","beskrivelse":"Private aksjeselskaper mv."},
                 "registrertIForetaksregisteret":true,"registrertIStiftelsesregisteret":false,
                 "registrertIFrivillighetsregisteret":false,"konkurs":%s,"underAvvikling":false,
                 "underTvangsavviklingEllerTvangsopplosning":false,"maalform":"Bokmål",
                 "_links":{"self":{"href":"https://data.brreg.no/enhetsregisteret/api/enheter/%s"}}}"""
                .formatted(org, name, form, formText, form, bankrupt, org);
    }
}
