package no.siva.programflyt.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/** Issue 23, point 13: a browser that closes its connection is no error (no ERROR with a stack trace in the log). */
class GlobalErrorsTest {

    @Test
    void aClientThatWentAwayIsNotAnError_anythingElseIs() {
        assertThat(GlobalErrors.clientGone(new ClientAbortException(new IOException("Broken pipe")))).isTrue();
        assertThat(GlobalErrors.clientGone(new AsyncRequestNotUsableException("Response not usable"))).isTrue();
        assertThat(GlobalErrors.clientGone(new IllegalStateException("wrapped",
                new IOException("Connection reset by peer")))).isTrue();
        assertThat(GlobalErrors.clientGone(new IllegalStateException("a bug"))).isFalse();
        assertThat(GlobalErrors.clientGone(new IOException("Disk full"))).isFalse();
    }
}
