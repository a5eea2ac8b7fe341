package fr.ameli.compte.web.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every cookie HttpOnly, SameSite and Secure over HTTPS, each attribute once, whether the server
 * added some of them (the pre-boot file, twice: Payara issue 7254) or none.
 */
class CookieAttributesTest {

    static Stream<Arguments> cookies() {
        return Stream.of(
                arguments("Payara's session cookie without the pre-boot file", "JSESSIONID=abc; Path=/; HttpOnly", false,
                        "JSESSIONID=abc; Path=/; HttpOnly; SameSite=Lax"),
                arguments("the same over HTTPS", "JSESSIONID=abc; Path=/; HttpOnly", true,
                        "JSESSIONID=abc; Path=/; HttpOnly; SameSite=Lax; Secure"),
                arguments("Payara's session cookie with the pre-boot file (issue 7254)", "JSESSIONID=abc; Path=/; HttpOnly;SameSite=Lax;SameSite=Lax", false,
                        "JSESSIONID=abc; Path=/; HttpOnly; SameSite=Lax"),
                arguments("Payara's version cookie", "JSESSIONIDVERSION=2f:0; Path=/; HttpOnly;SameSite=Lax", false,
                        "JSESSIONIDVERSION=2f:0; Path=/; HttpOnly;SameSite=Lax"),
                arguments("ours, doubled by the pre-boot file", "ameli-connexion=t; Path=/; HttpOnly; SameSite=Lax;SameSite=Lax", false,
                        "ameli-connexion=t; Path=/; HttpOnly; SameSite=Lax"),
                arguments("Strict stays Strict, once", "ameli-appareil-x=t; Max-Age=2592000; Path=/; HttpOnly; SameSite=Strict;SameSite=Strict", false,
                        "ameli-appareil-x=t; Max-Age=2592000; Path=/; HttpOnly; SameSite=Strict"),
                arguments("Secure already there over HTTPS", "a=b; Secure; HttpOnly; SameSite=Lax", true, "a=b; Secure; HttpOnly; SameSite=Lax"),
                arguments("Secure over plain HTTP is left alone", "a=b; Secure; HttpOnly; SameSite=Lax", false, "a=b; Secure; HttpOnly; SameSite=Lax"),
                arguments("nothing at all", "a=b", false, "a=b; HttpOnly; SameSite=Lax"),
                arguments("attribute names in any case", "a=b; httponly; samesite=strict; SECURE", true, "a=b; httponly; samesite=strict; SECURE"),
                arguments("an expiry date keeps its comma", "a=; Expires=Thu, 01 Jan 1970 00:00:10 GMT; HttpOnly; SameSite=Lax", false,
                        "a=; Expires=Thu, 01 Jan 1970 00:00:10 GMT; HttpOnly; SameSite=Lax"),
                arguments("empty attributes dropped", "a=b;; HttpOnly; ; SameSite=Lax", false, "a=b; HttpOnly; SameSite=Lax"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cookies")
    void every_cookie_is_completed_with_each_attribute_once(String label, String header, boolean secure, String completed) {
        assertEquals(completed, CookieAttributes.complete(header, secure));
        assertEquals(completed, CookieAttributes.complete(completed, secure), "completing twice changes nothing");
    }

    @Test
    void a_completed_header_is_sent_as_it_was() {
        String payara = "JSESSIONIDVERSION=2f:0; Path=/; HttpOnly;SameSite=Lax";
        assertSame(payara, CookieAttributes.complete(payara, false), "not rewritten when nothing lacks");
    }
}
