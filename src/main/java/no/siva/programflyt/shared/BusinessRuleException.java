package no.siva.programflyt.shared;

/** A refused action with a message key for the user (e.g. a task completed by someone else first). */
public class BusinessRuleException extends RuntimeException {
    private final String messageKey;
    private final transient Object[] args;

    public BusinessRuleException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
