package fr.ameli.compte.application;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The activation mail's words and link, and the tokens behind the link. */
class ActivationMailTest {

    @ParameterizedTest(name = "{0} is said « {1} »")
    @CsvSource({
            "PT48H, 48 heures",
            "PT1H, 1 heure",
            "PT30M, 30 minutes",
            "PT1M, 1 minute",
            "PT4S, 4 secondes",
            "P3D, 3 jours",
            "PT90M, 90 minutes"})
    void durations_as_a_person_says_them(Duration duration, String words) {
        assertEquals(words, ActivationMail.describe(duration));
    }

    @Test
    void the_link_is_absolute_on_a_line_of_its_own_with_its_validity() {
        URI link = ActivationMail.link(URI.create("https://compte.ameli.fr/"), "abc");
        assertEquals("https://compte.ameli.fr/activation.xhtml?jeton=abc", link.toString());
        MailMessage mail = ActivationMail.compose("toto@example.fr", link, Duration.ofHours(48), Instant.parse("2026-11-29T09:30:00Z"));
        assertEquals("Activez votre compte ameli", mail.subject());
        assertTrue(mail.text().contains("\r\n" + link + "\r\n"), mail.text());
        assertTrue(mail.text().contains("valable 48 heures, jusqu'au 29 novembre 2026 à 10h30 (heure de Paris)"), mail.text());
        assertTrue(mail.html().contains("href=\"" + link + "\""));
    }

    @Test
    void tokens_are_random_url_safe_256_bits_and_hashed_with_sha256() {
        String a = SecretTokens.newToken();
        String b = SecretTokens.newToken();
        assertNotEquals(a, b);
        assertTrue(SecretTokens.looksLikeToken(a), a);
        assertEquals(64, SecretTokens.hash(a).length());
        assertEquals(SecretTokens.hash(a), SecretTokens.hash(a));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SecretTokens.hash("abc"));
        assertTrue(!SecretTokens.looksLikeToken("abc") && !SecretTokens.looksLikeToken(a + "x") && !SecretTokens.looksLikeToken(null));
    }
}
