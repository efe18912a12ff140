package no.siva.programflyt.brreg;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The HTTP client the Brønnøysund register clients share: one base URL, connect and read timeouts. */
final class RegisterHttp {

    private RegisterHttp() {}

    static RestClient client(String baseUrl, Duration timeout) {
        HttpClient jdk = HttpClient.newBuilder().connectTimeout(timeout).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(jdk);
        factory.setReadTimeout(timeout);
        return RestClient.builder().baseUrl(baseUrl).requestFactory(factory).build();
    }
}
