package fr.ameli.compte.domain.account;

import fr.ameli.compte.domain.person.Nir;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An activation token is valid until it expires, activates its account once, and then says « used ». */
class ActivationTokenTest {

    private static final Instant CREATED = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant EXPIRES = CREATED.plusSeconds(48 * 3600);

    private final Account account = Account.pending(Nir.parse("2281231815001"), "b".repeat(64), "PBKDF2WithHmacSHA256:1024:c2FsdA==:aGFzaA==",
            CREATED, new ContactChoices(new EmailAddress("toto@example.fr"), false, null, null, null, null, null), CREATED);
    private final ActivationToken token = new ActivationToken("a".repeat(64), account, EXPIRES);

    @Test
    void valid_until_its_expiry_then_expired() {
        assertEquals(SingleUseToken.State.VALID, token.stateAt(CREATED));
        assertEquals(SingleUseToken.State.VALID, token.stateAt(EXPIRES.minusMillis(1)));
        assertEquals(SingleUseToken.State.EXPIRED, token.stateAt(EXPIRES));
    }

    @Test
    void using_it_activates_the_account_once() {
        token.use(CREATED.plusSeconds(60));
        assertTrue(account.isActive());
        assertEquals(CREATED.plusSeconds(60), account.activatedAt());
        assertEquals(SingleUseToken.State.USED, token.stateAt(CREATED.plusSeconds(61)));
        assertEquals(SingleUseToken.State.USED, token.stateAt(EXPIRES.plusSeconds(1)), "used stays used, even later");
        assertThrows(IllegalStateException.class, () -> token.use(CREATED.plusSeconds(62)));
    }

    @Test
    void an_expired_token_activates_nothing() {
        assertThrows(IllegalStateException.class, () -> token.use(EXPIRES));
        assertEquals(AccountStatus.PENDING_ACTIVATION, account.status());
    }

    @Test
    void only_a_hash_is_accepted_as_its_identity() {
        assertThrows(IllegalArgumentException.class, () -> new ActivationToken("not-a-hash", account, EXPIRES));
    }

    @Test
    void phone_consents_exist_only_with_the_phone() {
        ContactChoices none = new ContactChoices(new EmailAddress("a@example.fr"), true, null, true, true, null, true);
        assertEquals(null, none.mobileCalls());
        assertEquals(null, none.landlineCalls());
        ContactChoices mobile = new ContactChoices(new EmailAddress("a@example.fr"), true, PhoneNumber.mobile("07 12 34 56 78"),
                false, true, null, null);
        assertEquals("0712345678", mobile.mobile());
        assertEquals(false, mobile.mobileCalls());
        assertThrows(IllegalArgumentException.class, () -> new ContactChoices(new EmailAddress("a@example.fr"), true,
                PhoneNumber.landline("05 61 12 34 56"), true, true, null, null));
    }
}
