package no.siva.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One signed-in browser on loopback: its own cookies (session) and CSRF token, no redirects followed. */
final class Session {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    record Reply(int status, String location, long bytes, String body) {
    }

    private final String base;
    private final HttpClient http;
    private String csrf;

    Session(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
    }

    static Session signedIn(String base, String username, String password) {
        Session s = new Session(base);
        s.csrf = s.token(s.get("/login").body());
        Reply r = s.post("/login", Map.of("username", username, "password", password));
        if (r.status() != 302 || r.location() == null || r.location().contains("error")) {
            throw new IllegalStateException("login failed for " + username + ": " + r.status() + " " + r.location());
        }
        s.csrf = s.token(s.get("/tasks").body());
        return s;
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), true);
    }

    /** Reads the whole response but keeps only its length (exports). */
    Reply download(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), false);
    }

    Reply post(String path, Map<String, String> form) {
        Map<String, String> all = new LinkedHashMap<>(form);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), true);
    }

    Reply postMultipart(String path, Map<String, String> fields, String fileField, String fileName, byte[] file) {
        String boundary = "----programflyt-bench-" + System.nanoTime();
        var out = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        all.forEach((k, v) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())), true);
    }

    private Reply send(HttpRequest.Builder request, boolean keepBody) {
        try {
            HttpResponse<InputStream> r = http.send(request.timeout(Duration.ofMinutes(5)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            String body = null;
            long bytes;
            try (InputStream in = r.body()) {
                if (keepBody) {
                    byte[] all = in.readAllBytes();
                    bytes = all.length;
                    body = new String(all, StandardCharsets.UTF_8);
                } else {
                    bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            return new Reply(r.statusCode(), r.headers().firstValue("Location").orElse(null), bytes, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String token(String html) {
        Matcher m = CSRF.matcher(html == null ? "" : html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
