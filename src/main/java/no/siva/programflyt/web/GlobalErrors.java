package no.siva.programflyt.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import no.siva.programflyt.shared.BusinessRuleException;
import no.siva.programflyt.shared.DatabaseUnavailable;
import no.siva.programflyt.shared.NotFoundException;
import no.siva.programflyt.shared.RefusedReturnsTo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Clear Norwegian pages for what goes wrong; never a stack trace. */
@ControllerAdvice
class GlobalErrors {

    private static final Logger log = LoggerFactory.getLogger(GlobalErrors.class);

    @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class,
            NoHandlerFoundException.class})
    public String notFound(HttpServletResponse response) {
        response.setStatus(404);
        return "error/404";
    }

    @ExceptionHandler(AccessDeniedException.class)
    public String forbidden(HttpServletResponse response) {
        response.setStatus(403);
        return "error/403";
    }

    /**
     * An action the rules refuse. When the action names its page ({@link RefusedReturnsTo}) the user goes back there
     * with the refusal's message at the top (the page reads {@code errorKey} and {@code errorArgs}); otherwise the
     * refusal page (409) says why. Nothing is saved either way: the service threw before its transaction committed.
     */
    @ExceptionHandler(BusinessRuleException.class)
    public String refused(BusinessRuleException e, HandlerMethod handler, HttpServletRequest request,
                          HttpServletResponse response, Model model) {
        RefusedReturnsTo back = handler == null ? null : handler.getMethodAnnotation(RefusedReturnsTo.class);
        if (back == null) {
            return message(response, model, 409, e.messageKey(), e.args());
        }
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("errorKey", e.messageKey());
        flash.put("errorArgs", e.args());
        return "redirect:" + pageOf(back.value(), request);
    }

    /** The page's path with the action's own path variables filled in. */
    @SuppressWarnings("unchecked")
    private static String pageOf(String template, HttpServletRequest request) {
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return UriComponentsBuilder.fromUriString(template).buildAndExpand(variables == null ? Map.of() : variables)
                .encode().toUriString();
    }

    /** An upload larger than the request limit never reaches the controller; the page says why. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public String tooLarge(HttpServletResponse response, Model model) {
        return message(response, model, 413, "document.error.tooLarge");
    }

    /** A form sent without its file (or not as a file upload): the page says to choose one. */
    @ExceptionHandler({MissingServletRequestPartException.class, MultipartException.class})
    public String noFile(HttpServletResponse response, Model model) {
        return message(response, model, 400, "document.error.empty");
    }

    /** A mistyped id or a missing parameter in a URL: the page does not exist. */
    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    public String badRequest(HttpServletResponse response) {
        response.setStatus(400);
        return "error/404";
    }

    /** The page that says, in the user's language, why the request was refused. */
    private static String message(HttpServletResponse response, Model model, int status, String key, Object... args) {
        response.setStatus(status);
        model.addAttribute("errorKey", key);
        model.addAttribute("errorArgs", args);
        return "error/409";
    }

    /** The status and header of every «temporarily unavailable» answer (pages, and requests whose session failed). */
    static void unavailable(HttpServletResponse response) {
        response.setStatus(503);
        response.setHeader("Retry-After", "30");
    }

    @ExceptionHandler(Exception.class)
    public String failed(Exception e, HttpServletResponse response) {
        if (DatabaseUnavailable.isCause(e)) {
            // an outage of our database: say so, and to check before repeating; the log gets one line, not a trace each
            log.warn("Database unavailable: {}", e.toString());
            unavailable(response);
            return "error/503";
        }
        if (clientGone(e)) {
            // the browser closed the connection (a page left before it loaded): nothing failed, nothing to answer
            log.debug("Client closed the connection: {}", e.toString());
            return null;
        }
        log.error("Unhandled error", e);
        response.setStatus(500);
        return "error/500";
    }

    /** A client that went away: Tomcat's ClientAbortException or Spring's AsyncRequestNotUsableException, or under them. */
    static boolean clientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.equals("org.apache.catalina.connector.ClientAbortException")
                    || t instanceof AsyncRequestNotUsableException
                    || (t instanceof IOException && t.getMessage() != null
                            && (t.getMessage().contains("Broken pipe") || t.getMessage().contains("Connection reset by peer")))) {
                return true;
            }
        }
        return false;
    }
}
