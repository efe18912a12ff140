package no.siva.programflyt.demo;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages a demo user reaches by following links from the home page, signed in through the login form as a
 * browser would: the one-command run's warm-up visits them once at start-up, and the benchmark times them. Downloads
 * (CSV, Excel, PDF, calendars, documents), language switches and sign-out are not followed.
 */
public final class DemoPages {

    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)(?:#[^\"]*)?\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern SKIP = Pattern.compile(
            "^/(logout|login|vendor/|css/|js/|webjars/|favicon|stub/|actuator|processes/)|/documents/|/letter"
                    + "|\\.(csv|xlsx|pdf|ics|bpmn|svg|ico)(\\?|$)|[?&](lang|page)=|/export|/calendar/");
    /** A page that does not answer in this time ends the walk of that user, not the warm-up. */
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http;
    private final String base;

    private DemoPages(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs in through the login form; false when the login page refused the user. */
    public static DemoPages signedIn(String base, String username, String password) throws IOException {
        DemoPages pages = new DemoPages(base);
        String form = pages.get("/login").body();   // the login page: its CSRF token
        Matcher csrf = CSRF.matcher(form);
        String body = "username=" + enc(username) + "&password=" + enc(password)
                + (csrf.find() ? "&_csrf=" + enc(csrf.group(1)) : "");
        HttpResponse<String> r = pages.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(PAGE_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (r.uri().getPath().startsWith("/login")) {
            throw new IOException("sign-in refused for " + username);
        }
        return pages;
    }

    /**
     * Follows links breadth-first from the home page, each page once, at most {@code limit} pages; reports each
     * page's path and status to {@code visited}.
     *
     * @return the pages' paths, in the order visited
     */
    public List<String> crawl(int limit, BiConsumer<String, Integer> visited) throws IOException {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        List<String> order = new ArrayList<>();
        while (!queue.isEmpty() && order.size() < limit) {
            String path = queue.poll();
            if (!seen.add(path)) {
                continue;
            }
            HttpResponse<String> r;
            try {
                r = get(path);
            } catch (IllegalArgumentException notAUri) {
                continue;
            }
            order.add(path);
            visited.accept(path, r.statusCode());
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (r.statusCode() == 200 && type.startsWith("text/html")) {
                Matcher m = HREF.matcher(r.body());
                while (m.find()) {
                    String link = m.group(1).replace("&amp;", "&");
                    if (!SKIP.matcher(link).find() && !seen.contains(link)) {
                        queue.add(link);
                    }
                }
            }
        }
        return order;
    }

    /** One GET of a page (its path and query), as the signed-in user. */
    public HttpResponse<String> get(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(PAGE_TIMEOUT).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
