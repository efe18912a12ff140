package no.siva.programflyt.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import no.siva.programflyt.shared.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The web session is in the database, so an outage of the database also fails reading or saving the session, in the
 * session filter, outside the pages' error handling. This filter, just outside that one, gives such a request the
 * same answer as a page during an outage: 503, «Systemet er midlertidig utilgjengelig», never a stack trace. A page
 * that was rendered (the login page, the 503 page itself) keeps its answer; only its session was not saved.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER - 1)
class SessionStoreUnavailable extends OncePerRequestFilter implements Ordered {

    private static final Logger log = LoggerFactory.getLogger(SessionStoreUnavailable.class);

    private final MessageSource messages;

    SessionStoreUnavailable(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public int getOrder() {
        return SessionRepositoryFilter.DEFAULT_ORDER - 1;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException | IOException e) {
            if (!DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            log.warn("Database unavailable (web session): {}", e.toString());
            if (response.isCommitted() || response.getStatus() == 503
                    || (response.getContentType() != null && response.getStatus() < 400)) {
                // the page has answered (or said the same already); only its session was not saved (the login page
                // with its message that the system is unavailable must still show)
                return;
            }
            response.resetBuffer();
            GlobalErrors.unavailable(response);
            response.setContentType("text/html;charset=UTF-8");
            Locale nb = Locale.forLanguageTag("nb");
            String title = HtmlUtils.htmlEscape(messages.getMessage("error.503.title", null, nb));
            String text = HtmlUtils.htmlEscape(messages.getMessage("error.503.text", null, nb));
            response.getWriter().write("<!DOCTYPE html><html lang=\"nb\"><head><meta charset=\"utf-8\"><title>" + title
                    + "</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head><body><main><h1>"
                    + title + "</h1><p>" + text + "</p><p><a href=\"" + request.getContextPath() + "/\">Programflyt</a></p>"
                    + "</main></body></html>");
        }
    }
}
