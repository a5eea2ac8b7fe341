package fr.ameli.compte.web.security;

import fr.ameli.compte.application.security.PasskeyOptions;
import jakarta.enterprise.context.SessionScoped;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Optional;

/**
 * The passkey challenges given to this browser's session (PRODUCT §2.11, §2.1): one for a creation,
 * one for a login, each used once and for {@link PasskeyOptions#CEREMONY} at most — an answer is
 * checked only against the challenge this session was given, never one the browser sends back.
 */
@SessionScoped
public class PasskeyChallenges implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public enum Purpose { CREATION, LOGIN }

    private record Issued(byte[] challenge, Instant at) implements Serializable {
    }

    private final EnumMap<Purpose, Issued> issued = new EnumMap<>(Purpose.class);

    /** A new challenge for that purpose; the one before is forgotten. */
    public byte[] issue(Purpose purpose, Instant now) {
        byte[] challenge = PasskeyOptions.newChallenge();
        issued.put(purpose, new Issued(challenge, now));
        return challenge.clone();
    }

    /** The challenge given for that purpose, if it is still within its time; it is then forgotten (used once). */
    public Optional<byte[]> take(Purpose purpose, Instant now) {
        Issued taken = issued.remove(purpose);
        return taken == null || now.isAfter(taken.at().plus(PasskeyOptions.CEREMONY)) ? Optional.empty() : Optional.of(taken.challenge().clone());
    }
}
