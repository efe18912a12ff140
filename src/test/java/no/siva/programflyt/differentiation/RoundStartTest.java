package no.siva.programflyt.differentiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.JsonMapper;
import io.camunda.zeebe.spring.test.proxy.CamundaClientProxy;
import java.net.URI;
import java.time.Duration;
import no.siva.programflyt.audit.AuditEvent;
import no.siva.programflyt.audit.AuditRepository;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.support.TestDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/** A round the engine does not start is not half-saved: it is gone, the trail says so, and it can be started again. */
@TestDate("2027-03-15")
class RoundStartTest extends ProcessTestBase {

    @Autowired
    DifferentiationService service;
    @Autowired
    DiffRoundRepository rounds;
    @Autowired
    AuditRepository auditRows;
    @Autowired
    CamundaClientProxy clientProxy;
    @Autowired
    ObjectProvider<JsonMapper> jsonMapper;

    private CamundaClient client(URI gateway) {
        var builder = CamundaClient.newClientBuilder().preferRestOverGrpc(false).grpcAddress(gateway)
                .defaultRequestTimeout(Duration.ofSeconds(30));
        jsonMapper.ifAvailable(builder::withJsonMapper);
        return builder.build();
    }

    @Test
    void whenTheEngineDoesNotAnswer_theRoundIsUndone_theTrailSaysSo_andItStartsAgainLater() {
        int year = 2027;
        try (CamundaClient unreachable = client(URI.create("http://127.0.0.1:9"))) {
            clientProxy.swapZeebeClient(unreachable);
            assertThatThrownBy(() -> service.startManually(user(DemoUsers.PROJECT_LEADER), year))
                    .isNotInstanceOf(DataAccessException.class);
        }
        assertThat(rounds.findByYear(year)).isEmpty();
        assertThat(auditRows.findAllByOrderByIdAsc()).extracting(AuditEvent::getAction)
                .containsSubsequence("DIFF_ROUND_STARTED", "DIFF_ROUND_START_UNDONE");

        try (CamundaClient working = client(URI.create("http://" + engine.getGatewayAddress()))) {
            clientProxy.swapZeebeClient(working);
            DiffRound started = service.startManually(user(DemoUsers.PROJECT_LEADER), year);
            assertThat(rounds.findByYear(year)).get().extracting(DiffRound::getId).isEqualTo(started.getId());
            assertThat(started.getProcessInstanceKey()).isNotNull();
        }
    }
}
