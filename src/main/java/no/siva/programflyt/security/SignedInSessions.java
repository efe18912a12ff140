package no.siva.programflyt.security;

import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends every web session of a person on every instance (the sessions live in the database), so that a suspension, a
 * withdrawal or a changed scope takes effect at her next click instead of when her session runs out.
 */
@Component
public class SignedInSessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

    public SignedInSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        this.sessions = sessions;
    }

    /**
     * Ends them once the change that calls for it has committed (at once outside a transaction): a login in between
     * reads the new access, never the old.
     */
    public void endAll(String username) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(
                    new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            endNow(username);
                        }
                    });
        } else {
            endNow(username);
        }
    }

    private void endNow(String username) {
        FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
        if (repository != null) {
            Map<String, ? extends Session> found = repository.findByPrincipalName(username);
            found.keySet().forEach(repository::deleteById);
        }
    }
}
