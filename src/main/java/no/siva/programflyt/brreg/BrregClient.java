package no.siva.programflyt.brreg;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
 * Looks units up in Brønnøysund's open Enhetsregisteret API ({@code GET {base}/enheter/{orgnr}}).
 * 404 and 410 (deleted) mean "not registered"; anything else that is not 200 is an outage.
 */
@Component
public class BrregClient {

    private final RestClient http;

    public BrregClient(@Value("${programflyt.brreg.base-url}") String baseUrl,
                       @Value("${programflyt.brreg.timeout:PT5S}") Duration timeout) {
        this.http = RegisterHttp.client(baseUrl, timeout);
    }

    /** The unit, or empty when the register says it does not exist; throws when the register cannot be asked. */
    public Optional<RegisterEntry> lookup(String orgNumber) {
        String org = OrgNumber.normalize(orgNumber);
        if (!OrgNumber.isValid(org)) {
            return Optional.empty();
        }
        try {
            JsonNode json = http.get().uri("/enheter/{org}", org).accept(MediaType.APPLICATION_JSON)
                    .retrieve().body(JsonNode.class);
            return Optional.ofNullable(json).map(BrregClient::entry);
        } catch (HttpStatusCodeException e) {
            if (e.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND) || e.getStatusCode().isSameCodeAs(HttpStatus.GONE)) {
                return Optional.empty();
            }
            throw new RegisterUnavailableException("Enhetsregisteret svarte " + e.getStatusCode().value(), e);
        } catch (ResourceAccessException e) {
            throw new RegisterUnavailableException("Enhetsregisteret svarer ikke", e);
        }
    }

    static RegisterEntry entry(JsonNode j) {
        JsonNode adr = j.path("forretningsadresse");
        List<String> parts = new ArrayList<>();
        adr.path("adresse").forEach(a -> parts.add(a.asText()));
        String postal = (adr.path("postnummer").asText("") + " " + adr.path("poststed").asText("")).trim();
        if (!postal.isEmpty()) {
            parts.add(postal);
        }
        return new RegisterEntry(j.path("organisasjonsnummer").asText(), j.path("navn").asText(),
                j.path("organisasjonsform").path("kode").asText(null),
                j.path("organisasjonsform").path("beskrivelse").asText(null),
                j.path("naeringskode1").path("kode").asText(null), j.path("naeringskode1").path("beskrivelse").asText(null),
                String.join(", ", parts), j.path("konkurs").asBoolean(false),
                j.path("underAvvikling").asBoolean(false) || j.path("underTvangsavviklingEllerTvangsopplosning").asBoolean(false),
                registeredOn(j));
    }

    private static LocalDate registeredOn(JsonNode j) {
        String d = j.path("registreringsdatoEnhetsregisteret").asText("");
        try {
            return d.isEmpty() ? null : LocalDate.parse(d);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
