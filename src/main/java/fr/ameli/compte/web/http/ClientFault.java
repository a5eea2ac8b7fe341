package fr.ameli.compte.web.http;

import jakarta.faces.FacesException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * What a client got wrong (PRODUCT §2, docs/SECURITY.md « Client errors »): answered with its own
 * status and a plain French page, never an incident — incidents ({@link FriendlyErrorFilter}) are
 * for our own faults. Also the rules that tell them: which methods the service answers, which
 * encodings it reads, which failures of the server are the client's doing.
 */
enum ClientFault {

    /** A form body larger than any form of the service (or than the server's own limits). */
    TOO_LARGE(413, "/trop-volumineux.xhtml"),
    /**
     * A form body still not all there after {@link ClientErrorFilter#FORM_READ_DEADLINE} (a body
     * trickled a byte at a time holds a request thread, never a turn of the service): the request ends.
     */
    TOO_SLOW(408, "/demande-invalide.xhtml"),
    /** A bad %-escape, or bytes that are not UTF-8, in the query or in a form. */
    MALFORMED(400, "/demande-invalide.xhtml"),
    /** PUT, DELETE, PATCH, or a method the service does not know. */
    METHOD_NOT_ALLOWED(405, "/demande-invalide.xhtml"),
    /** A ViewState no page of ours gave (« stateless » posted to a page that keeps its state). */
    FORGED_VIEW_STATE(403, "/demande-invalide.xhtml"),
    /**
     * A GET or HEAD that carries a form's ViewState: Faces would take it for the form's POST and run
     * its button (a cross-site link could press a button of a stateless page). Only a POST acts.
     */
    ACTION_BY_GET(400, "/demande-invalide.xhtml"),
    /**
     * A multipart body (a file upload) to any page but the register's upload ({@link #UPLOAD_PAGE}):
     * no other page takes files, and none should read 50 MB for an anonymous visitor.
     */
    MULTIPART_ELSEWHERE(415, "/demande-invalide.xhtml");

    /** The one page that takes a file (a register extract, PRODUCT §2.12), as its servlet path. */
    static final String UPLOAD_PAGE = "/agent/registre.xhtml";

    /** The methods the service answers; OPTIONS answers with this list and nothing else. */
    static final String ALLOWED_METHODS = "GET, HEAD, POST, OPTIONS";
    private static final Set<String> ALLOWED = Set.of("GET", "HEAD", "POST", "OPTIONS");

    final int status;
    /** The page shown, rendered as for a plain GET. */
    final String page;

    ClientFault(int status, String page) {
        this.status = status;
        this.page = page;
    }

    static boolean allowedMethod(String method) {
        return ALLOWED.contains(method);
    }

    /**
     * Decodes one name or value of a query or a form ({@code application/x-www-form-urlencoded}):
     * {@code +} is a space, {@code %XX} a byte, and the bytes must be UTF-8 (the encoding of every
     * page of the service). Anything else is refused, never guessed nor silently dropped.
     *
     * @throws IllegalArgumentException for a bad %-escape or bytes that are not UTF-8
     */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0 && raw.chars().allMatch(c -> c < 0x80)) {
            return raw;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '+') {
                bytes.put((byte) ' ');
            } else if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    throw new IllegalArgumentException("bad %-escape at " + i);
                }
                bytes.put((byte) (Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16)));
                i += 2;
            } else if (c < 0x100) {
                bytes.put((byte) c);
            } else {
                throw new IllegalArgumentException("a character outside ISO-8859-1 in raw bytes at " + i);
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8", e);
        }
    }

    /** Whether a query string (as sent, null for none) names a form's ViewState: only a postback carries one. */
    static boolean carriesViewState(String query, String viewStateName) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (decode(equals < 0 ? pair : pair.substring(0, equals)).equals(viewStateName)) {
                return true;
            }
        }
        return false;
    }

    /** Whether every name and value of a query string (as sent, null for none) decodes. */
    static boolean wellEncoded(String query) {
        if (query == null) {
            return true;
        }
        try {
            for (String pair : query.split("&")) {
                decode(pair);
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The client's fault behind a failure of the server, if it is one: a body over the server's
     * own limits (Grizzly's « Post too large », a multipart request over its configured maximum),
     * or a ViewState that no page of ours gave. Anything else stays an incident.
     */
    static Optional<ClientFault> of(Throwable failure, boolean carriedViewState) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof IllegalStateException
                    && (message.contains("GRIZZLY0205") || message.contains("exceeds the configured maximum"))) {
                return Optional.of(TOO_LARGE);
            }
            if (carriedViewState && t instanceof FacesException && message.startsWith("Unable to restore view")) {
                return Optional.of(FORGED_VIEW_STATE);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
