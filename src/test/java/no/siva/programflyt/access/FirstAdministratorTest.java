package no.siva.programflyt.access;

import static org.assertj.core.api.Assertions.assertThat;

import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.security.AppUser;
import no.siva.programflyt.security.AppUserRepository;
import no.siva.programflyt.support.ProcessTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A new installation's first administrator is invited once, and only where there is none (deploy/README.md). */
class FirstAdministratorTest extends ProcessTestBase {

    @Autowired
    AccessAdministration access;
    @Autowired
    InvitationRepository invitations;
    @Autowired
    AppUserRepository users;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void invitedWhenThereIsNoAdministrator_once_andNeverBesideOne() {
        FirstAdministrator first = new FirstAdministrator(access, invitations, new TransactionTemplate(transactions),
                "ny.admin@siva.no", "Ny Administrator");
        first.inviteIfNone();
        assertThat(invitations.count()).as("the demo's administrator is there").isZero();

        AppUser admin = users.findById(DemoUsers.ADMIN).orElseThrow();
        admin.withdraw(clock.instant());
        users.save(admin);
        first.inviteIfNone();
        first.inviteIfNone();   // a second instance starting: the invitation is open, none is sent again
        assertThat(invitations.findAll()).singleElement().satisfies(i -> {
            assertThat(i.getEmail()).isEqualTo("ny.admin@siva.no");
            assertThat(i.getRole()).hasToString("ADMIN");
        });
    }
}
