package fr.ameli.compte.application.creation;

import java.time.Instant;
import java.util.List;

/**
 * A letter to print and post: the address block (as the register knows it), the provisional
 * code, until when it works, and where the person uses it.
 */
public record Letter(List<String> addressLines, String postalCode, String city, String code, Instant expiresAt,
                     String serviceUrl) {

    public Letter {
        addressLines = List.copyOf(addressLines);
    }

    @Override
    public String toString() {
        // The code stays out of logs.
        return "Letter[" + postalCode + " " + city + "]";
    }
}
