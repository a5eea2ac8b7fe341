package fr.ameli.compte.domain.account;

import java.util.List;
import java.util.Optional;

/** The database of passkeys (PRODUCT §2.11 « Mes clés d'accès »). */
public interface PasskeyRepository {

    void add(Passkey passkey);

    /** The passkey of that credential id (its SHA-256, hex), read locked: a login updates its counter. */
    Optional<Passkey> findToUse(String credentialKey);

    /** The account's passkeys, oldest first. */
    List<Passkey> ofAccount(long accountId);

    /** Removes one passkey of the account; false when the account has none with that id. */
    boolean remove(long accountId, long passkeyId);

    /** Removes every passkey of the account; how many. */
    int removeAll(long accountId);
}
