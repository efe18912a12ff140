package no.siva.programflyt.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who stands behind Siva's letters (programflyt.letters): the signatory under «Med vennlig hilsen», and Siva's contact
 * person when a letter has no case handler of its own. The guide names neither: they are configuration (README).
 * {@code acceptanceWeeks}: how long an operator has to accept a grant letter in writing.
 */
@ConfigurationProperties("programflyt.letters")
record LetterProperties(String signatoryName, String signatoryTitle, String contactName, String contactEmail,
                        String contactPhone, Integer acceptanceWeeks) {

    public LetterProperties {
        signatoryName = signatoryName == null ? "Programleder for Næringshageprogrammet" : signatoryName;
        signatoryTitle = signatoryTitle == null ? "Siva SF" : signatoryTitle;
        contactName = contactName == null ? "Næringshageprogrammet" : contactName;
        contactEmail = contactEmail == null ? "naeringshager@siva.no" : contactEmail;
        acceptanceWeeks = acceptanceWeeks == null ? 3 : acceptanceWeeks;
    }
}
