package no.siva.programflyt.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import no.siva.programflyt.admission.AdmissionCase;
import no.siva.programflyt.admission.AdmissionService;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.documents.Document;
import no.siva.programflyt.documents.DocumentService;
import no.siva.programflyt.followup.FollowUpService;
import no.siva.programflyt.notifications.OutboxMessage;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.support.ProcessTestBase;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

/**
 * HTML typed into a text field is shown as the text it is, never run as markup: in pages, in e-mails (and the
 * mailbox page that shows them) and in PDF letters.
 */
@AutoConfigureMockMvc
class HtmlEscapingTest extends ProcessTestBase {

    private static final String MARKUP = "<script>alert('x')</script><b>fet</b> & \"sitat\"";
    private static final String ESCAPED = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;fet&lt;/b&gt; &amp; &quot;sitat&quot;";

    @Autowired
    MockMvc mvc;
    @Autowired
    FollowUpService followUps;
    @Autowired
    DocumentService documents;
    @Autowired
    OperatorRepository operators;

    @Test
    void aCompanyNameWithMarkup_isEscapedInItsPages_andInItsEmails() throws Exception {
        AdmissionCase c = commission(user(DemoUsers.VESTLAND), "912345742", "Fjord " + MARKUP + " AS", "46");
        awaitOpenTask(AdmissionService.CASE_TYPE, c.getId(), "gjennomfore-forprosjekt");

        for (String page : List.of("/admission/" + c.getId(), "/admission", "/overview")) {
            String html = page(page, DemoUsers.PROJECT_LEADER);
            assertThat(html).as(page).contains(ESCAPED).doesNotContain("<script>alert").doesNotContain("<b>fet</b>");
        }
        assertThat(page("/tasks", DemoUsers.PROJECT_LEADER)).doesNotContain("<script>alert").doesNotContain("<b>fet</b>");

        OutboxMessage mail = await().atMost(Duration.ofSeconds(20)).until(
                () -> outbox.findByCaseTypeAndCaseIdOrderById(AdmissionService.CASE_TYPE, c.getId()), m -> !m.isEmpty())
                .get(0);
        assertThat(mail.getBodyHtml()).contains(ESCAPED).doesNotContain("<script>alert").doesNotContain("<b>fet</b>");
        assertThat(page("/admin/mailbox/" + mail.getId(), DemoUsers.ADMIN)).contains(ESCAPED)
                .doesNotContain("<script>alert").doesNotContain("<b>fet</b>");
    }

    @Test
    void evidenceWithMarkup_isTextInTheLetterPdf_theEmailAndTheCasePage() throws Exception {
        long sogn = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow().getId();
        long caseId = followUps.start(user(DemoUsers.CASE_HANDLER), sogn, MARKUP).caseId();

        Document letter = await().atMost(Duration.ofSeconds(20)).until(
                () -> documents.forCase(FollowUpService.CASE_TYPE, caseId), d -> !d.isEmpty()).get(0);
        try (var pdf = Loader.loadPDF(letter.getContent())) {
            // (a line may break anywhere inside the markup: compared without white space)
            String text = new PDFTextStripper().getText(pdf).replaceAll("[\\s\\u00a0]+", "");
            assertThat(text).contains("<script>alert('x')</script>", "<b>fet</b>", "&\"sitat\"");
        }
        OutboxMessage mail = await().atMost(Duration.ofSeconds(20)).until(
                () -> outbox.findByCaseTypeAndCaseIdOrderById(FollowUpService.CASE_TYPE, caseId), m -> !m.isEmpty())
                .get(0);
        assertThat(mail.getBodyHtml()).contains(ESCAPED).doesNotContain("<script>alert");
        assertThat(page("/follow-up/" + caseId, DemoUsers.CASE_HANDLER)).contains(ESCAPED)
                .doesNotContain("<script>alert").doesNotContain("<b>fet</b>");
    }

    private String page(String url, String username) throws Exception {
        var response = mvc.perform(get(url).with(SecurityMockMvcRequestPostProcessors.user(user(username)))).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
