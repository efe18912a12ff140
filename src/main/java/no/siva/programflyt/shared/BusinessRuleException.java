package no.siva.programflyt.shared;

/**
 * A refused action with a message key for the user (e.g. a task completed by someone else first), and the form
 * field it is about when there is one, so that the message can stand at that field.
 */
public class BusinessRuleException extends RuntimeException {
    private final String messageKey;
    private final transient Object[] args;
    private final String field;

    public BusinessRuleException(String messageKey, Object... args) {
        this(null, messageKey, args);
    }

    private BusinessRuleException(String field, String messageKey, Object[] args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
        this.field = field;
    }

    /** A refusal about one form field. */
    public static BusinessRuleException at(String field, String messageKey, Object... args) {
        return new BusinessRuleException(field, messageKey, args);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }

    /** The form field the refusal is about, or null. */
    public String field() {
        return field;
    }
}
