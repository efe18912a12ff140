package no.siva.programflyt.notifications;

/** Hands one e-mail to the outside world; throws when it could not. */
interface MailTransport {
    void send(String from, OutboxMessage message) throws Exception;
}
