package no.siva.programflyt.brreg;

/** The register did not answer (outage, timeout, 5xx): the caller retries later; never treated as "not found". */
public class RegisterUnavailableException extends RuntimeException {
    public RegisterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
