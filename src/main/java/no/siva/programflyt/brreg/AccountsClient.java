package no.siva.programflyt.brreg;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import no.siva.programflyt.shared.OrgNumber;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Regnskapsregisteret's open API ({@code /regnskap/{orgnr}}): the company's latest annual accounts. Not filed (404)
 * is empty; an outage throws {@link RegisterUnavailableException}.
 */
@Component
public class AccountsClient {

    private final RestClient http;

    public AccountsClient(@Value("${programflyt.brreg.accounts-base-url}") String baseUrl,
                          @Value("${programflyt.brreg.timeout:PT5S}") Duration timeout) {
        this.http = RegisterHttp.client(baseUrl, timeout);
    }

    public Optional<AnnualAccounts> latest(String orgNumber) {
        String org = OrgNumber.normalize(orgNumber);
        if (!OrgNumber.isValid(org)) {
            return Optional.empty();
        }
        try {
            JsonNode json = http.get().uri("/regnskap/{org}", org).accept(MediaType.APPLICATION_JSON).retrieve()
                    .body(JsonNode.class);
            if (json == null) {
                return Optional.empty();
            }
            JsonNode latest = null;
            for (JsonNode statement : json.isArray() ? json : List.of(json)) {
                if (latest == null || year(statement) > year(latest)) {
                    latest = statement;
                }
            }
            return Optional.ofNullable(latest).map(AccountsClient::accounts);
        } catch (HttpStatusCodeException e) {
            if (e.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                return Optional.empty();
            }
            throw new RegisterUnavailableException("Regnskapsregisteret svarte " + e.getStatusCode().value(), e);
        } catch (ResourceAccessException e) {
            throw new RegisterUnavailableException("Regnskapsregisteret svarer ikke", e);
        }
    }

    private static int year(JsonNode s) {
        String to = s.path("regnskapsperiode").path("tilDato").asText("0000");
        return Integer.parseInt(to.substring(0, 4));
    }

    static AnnualAccounts accounts(JsonNode s) {
        JsonNode ek = s.path("egenkapitalGjeld").path("egenkapital");
        return new AnnualAccounts(year(s),
                decimal(s.path("resultatregnskapResultat").path("driftsresultat").path("driftsinntekter").path("sumDriftsinntekter")),
                decimal(s.path("eiendeler").path("sumEiendeler")), decimal(ek.path("sumEgenkapital")),
                decimal(ek.path("innskuttEgenkapital").path("sumInnskuttEgenkapital")),
                !s.path("revisjon").path("ikkeRevidertAarsregnskap").asBoolean(false));
    }

    private static BigDecimal decimal(JsonNode n) {
        return n.isNumber() ? n.decimalValue() : null;
    }
}
