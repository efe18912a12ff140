/**
 * Documents on a case: uploads checked by type and content, and letters rendered from Thymeleaf templates to
 * accessible PDF (PDF/UA), stored once per case and kind.
 */
@ApplicationModule(displayName = "Documents and letters (dokumenter og brev)")
package no.siva.programflyt.documents;

import org.springframework.modulith.ApplicationModule;
