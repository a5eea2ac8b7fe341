package fr.ameli.compte.web.http;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Client errors told from our own faults (docs/SECURITY.md « Client errors »): which methods
 * are answered, which queries and forms decode, which failures of the server are the client's
 * doing, and the log's one line a minute per address.
 */
class ClientFaultTest {

    static Stream<Arguments> methods() {
        return Stream.of(arguments("GET", true), arguments("HEAD", true), arguments("POST", true), arguments("OPTIONS", true),
                arguments("PUT", false), arguments("DELETE", false), arguments("PATCH", false), arguments("TRACE", false),
                arguments("CONNECT", false), arguments("PROPFIND", false), arguments("get", false), arguments("FOO", false));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("methods")
    void only_get_head_post_and_options_are_answered(String method, boolean allowed) {
        assertEquals(allowed, ClientFault.allowedMethod(method));
    }

    static Stream<Arguments> encodings() {
        return Stream.of(
                arguments("plain", "TOTO", "TOTO"),
                arguments("empty", "", ""),
                arguments("plus is a space", "de+La+Fontaine", "de La Fontaine"),
                arguments("escaped UTF-8", "Ren%C3%A9e", "Renée"),
                arguments("escaped colon", "identite%3Anom", "identite:nom"),
                arguments("lower-case hex", "%c3%a9", "é"),
                arguments("four-byte UTF-8", "%F0%9F%98%80", "\uD83D\uDE00"),
                arguments("escaped percent", "100%25", "100%"),
                arguments("bad hex digits", "%zz", null),
                arguments("one hex digit then the end", "abc%4", null),
                arguments("percent at the end", "abc%", null),
                arguments("a lone continuation byte", "%A9", null),
                arguments("a truncated sequence", "%C3%28", null),
                arguments("an overlong encoding of a slash", "%C0%AF", null),
                arguments("an encoded surrogate", "%ED%A0%80", null),
                arguments("Latin-1 instead of UTF-8", "Ren%E9e", null),
                arguments("a raw byte that is not UTF-8", "Ren\u00e9e", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void a_name_or_value_decodes_as_utf_8_or_is_refused(String label, String raw, String decoded) {
        if (decoded == null) {
            assertThrows(IllegalArgumentException.class, () -> ClientFault.decode(raw));
            assertFalse(ClientFault.wellEncoded("a=b&x=" + raw), "in a query");
        } else {
            assertEquals(decoded, ClientFault.decode(raw));
            assertTrue(ClientFault.wellEncoded("a=b&x=" + raw), "in a query");
        }
    }

    @Test
    void no_query_is_well_encoded() {
        assertTrue(ClientFault.wellEncoded(null));
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                arguments("Grizzly's « Post too large »", new ServletException(new IllegalStateException("GRIZZLY0205: Post too large")), true, Optional.of(ClientFault.TOO_LARGE)),
                arguments("a multipart request over its maximum", new ServletException(new IllegalStateException(
                        "org.apache.catalina.fileupload.FileUploadBase$SizeLimitExceededException: the request was rejected because its size (60000000) exceeds the configured maximum (52690944)")),
                        false, Optional.of(ClientFault.TOO_LARGE)),
                arguments("« stateless » posted to a page that keeps its state", new ServletException("Unable to restore view /creation/identite.xhtml",
                        new FacesException("Unable to restore view /creation/identite.xhtml")), true, Optional.of(ClientFault.FORGED_VIEW_STATE)),
                arguments("no view restored without a ViewState sent: ours", new ServletException(
                        new FacesException("Unable to restore view /creation/identite.xhtml")), false, Optional.empty()),
                arguments("an expired view: the restart page, not this", new ServletException(new ViewExpiredException("expired")), true, Optional.empty()),
                arguments("another IllegalStateException: ours", new ServletException(new IllegalStateException("no turn")), true, Optional.empty()),
                arguments("a database failure: ours", new ServletException(new SQLException("down", "08001")), true, Optional.empty()),
                arguments("a bug of ours", new NullPointerException(), true, Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void a_failure_of_the_server_is_the_client_s_only_for_what_the_client_sent(String label, Throwable failure, boolean viewState,
                                                                                  Optional<ClientFault> fault) {
        assertEquals(fault, ClientFault.of(failure, viewState));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-                                                              | false",
            "jeton=x                                                        | false",
            "connexion=connexion&connexion%3Arenvoyer=x&jakarta.faces.ViewState=stateless | true",
            "jakarta.faces.ViewState                                        | true",
            "jakarta%2Efaces%2EViewState=1%3A2                              | true",
            "x=jakarta.faces.ViewState                                      | false",
            "jakarta.faces.ViewStateX=1                                     | false",
    })
    void a_query_that_carries_a_view_state_is_told(String query, boolean carries) {
        assertEquals(carries, ClientFault.carriesViewState(query == null ? null : query.strip(), "jakarta.faces.ViewState"));
    }

    @Test
    void each_fault_has_its_status_and_a_page_of_the_service() {
        assertEquals(List.of(413, 408, 400, 405, 403, 400, 415), Stream.of(ClientFault.values()).map(f -> f.status).toList());
        assertEquals("/trop-volumineux.xhtml", ClientFault.TOO_LARGE.page);
        assertTrue(Stream.of(ClientFault.values()).allMatch(f -> f.page.endsWith(".xhtml")));
    }

    private static HttpServletRequest post(String query) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(), new Class<?>[]{HttpServletRequest.class},
                (p, m, args) -> switch (m.getName()) {
                    case "getQueryString" -> query;
                    case "getMethod" -> "POST";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void a_form_is_read_with_its_query_first_and_every_value_decoded() throws Exception {
        byte[] body = "identite=identite&identite%3Anom=de+La+Fontaine&identite%3Anom=Ren%C3%A9e&vide=&seul&&jakarta.faces.ViewState=1%3A2"
                .getBytes(StandardCharsets.US_ASCII);
        FormRequest form = FormRequest.parsed(post("jfwid=ab%3A1&identite%3Anom=query"), body);
        assertEquals(List.of("jfwid", "identite:nom", "identite", "vide", "seul", "jakarta.faces.ViewState"), List.copyOf(form.getParameterMap().keySet()));
        assertArrayEquals(new String[]{"query", "de La Fontaine", "Renée"}, form.getParameterValues("identite:nom"));
        assertEquals("query", form.getParameter("identite:nom"));
        assertEquals("", form.getParameter("vide"));
        assertEquals("", form.getParameter("seul"));
        assertEquals("1:2", form.getParameter("jakarta.faces.ViewState"));
        assertNull(form.getParameter("absent"));
        assertEquals("POST", form.getMethod());
        assertArrayEquals(body, form.getInputStream().readAllBytes(), "the body can still be read");
        assertThrows(UnsupportedOperationException.class, () -> form.getParameterMap().put("x", new String[0]));
    }

    @Test
    void a_form_with_a_bad_escape_or_bytes_that_are_not_utf_8_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> FormRequest.parsed(post(null), "a=%zz".getBytes(StandardCharsets.US_ASCII)));
        assertThrows(IllegalArgumentException.class, () -> FormRequest.parsed(post(null), "a=%C3%28".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("b", FormRequest.parsed(post(null), "a=b".getBytes(StandardCharsets.US_ASCII)).getParameter("a"));
    }

    @Test
    void a_client_error_s_page_sees_a_plain_get_without_parameters() {
        FormRequest get = FormRequest.asPlainGet(post("a=b"));
        assertEquals("GET", get.getMethod());
        assertNull(get.getQueryString());
        assertTrue(get.getParameterMap().isEmpty());
    }

    @Test
    void a_body_is_read_up_to_the_limit_and_no_further() throws Exception {
        long later = System.nanoTime() + java.time.Duration.ofMinutes(1).toNanos();
        assertEquals(10, ClientErrorFilter.readAtMost(new ByteArrayInputStream(new byte[10]), 10, later).length);
        assertNull(ClientErrorFilter.readAtMost(new ByteArrayInputStream(new byte[11]), 10, later));
        assertEquals(0, ClientErrorFilter.readAtMost(new ByteArrayInputStream(new byte[0]), 10, later).length);
        assertEquals(100_000, ClientErrorFilter.readAtMost(new ByteArrayInputStream(new byte[100_000]), 2 * 1024 * 1024, later).length);
    }

    @Test
    void a_body_trickled_past_its_deadline_ends_the_read() {
        // One byte every 5 ms: 100 bytes would take half a second, the deadline is 50 ms away.
        java.io.InputStream trickle = new java.io.InputStream() {
            int left = 100;

            @Override
            public int read() throws java.io.IOException {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                }
                return left-- > 0 ? 'a' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                int c = read();
                if (c < 0) {
                    return -1;
                }
                b[off] = (byte) c;
                return 1;
            }
        };
        long start = System.nanoTime();
        org.junit.jupiter.api.Assertions.assertThrows(ClientErrorFilter.TooSlow.class,
                () -> ClientErrorFilter.readAtMost(trickle, 1000, start + java.time.Duration.ofMillis(50).toNanos()));
        assertTrue(java.time.Duration.ofNanos(System.nanoTime() - start).toMillis() < 400, "ended at the deadline, not at the end of the body");
    }

    private static final class StepClock extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void the_log_gets_at_most_one_line_per_address_and_minute() {
        StepClock clock = new StepClock();
        ClientFaultLog log = new ClientFaultLog(clock);
        assertTrue(log.mayWrite("203.0.113.7"), "the first of the minute");
        assertFalse(log.mayWrite("203.0.113.7"), "the second of the same minute");
        assertTrue(log.mayWrite("198.51.100.1"), "another address");
        clock.now = clock.now.plusSeconds(59);
        assertFalse(log.mayWrite("203.0.113.7"), "still the same minute");
        clock.now = clock.now.plusSeconds(1);
        assertTrue(log.mayWrite("203.0.113.7"), "the next minute");
        assertFalse(log.mayWrite("203.0.113.7"));
    }

    @Test
    void a_flood_from_many_addresses_leaves_the_memory_and_the_log_bounded() {
        StepClock clock = new StepClock();
        ClientFaultLog log = new ClientFaultLog(clock);
        for (int i = 0; i < ClientFaultLog.ADDRESSES_REMEMBERED; i++) {
            assertTrue(log.mayWrite("10.0." + (i / 256) + "." + (i % 256)));
        }
        assertFalse(log.mayWrite("192.0.2.1"), "no line for one more address this minute");
        clock.now = clock.now.plusSeconds(60);
        assertTrue(log.mayWrite("192.0.2.1"), "the next minute the old ones are forgotten");
        assertTrue(log.mayWrite("10.0.0.0"));
    }
}
