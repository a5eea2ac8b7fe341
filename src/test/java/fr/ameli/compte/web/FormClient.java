package fr.ameli.compte.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A browser without a browser, for tests at the HTTP level: keeps the cookies, posts Faces forms
 * with their ViewState to their action URL (conversation id included) and follows redirects, so
 * that a test can send exactly the bytes it wants (hostile inputs, twenty clicks at once). Pages
 * are read with an HTML parser (jsoup), as a browser reads them.
 */
final class FormClient {

    private static final String VIEW_STATE = "jakarta.faces.ViewState";

    /** A page as received (after redirects), with what tests read in it. */
    static final class Page {

        private final int status;
        private final URI uri;
        private final String body;
        private final HttpHeaders headers;
        private final Document document;

        Page(int status, URI uri, String body, HttpHeaders headers) {
            this.status = status;
            this.uri = uri;
            this.body = body;
            this.headers = headers;
            this.document = Jsoup.parse(body, uri.toString());
        }

        int status() {
            return status;
        }

        URI uri() {
            return uri;
        }

        /** The HTML as received, for failure messages and the few checks of the bytes themselves. */
        String body() {
            return body;
        }

        HttpHeaders headers() {
            return headers;
        }

        /** The parsed page. */
        Document document() {
            return document;
        }

        String viewState() {
            return required("input[name='" + VIEW_STATE + "']", "the ViewState").val();
        }

        boolean hasForm(String formId) {
            return form(formId).isPresent();
        }

        String formAction(String formId) {
            return requiredForm(formId).attr("action");
        }

        /** The form's own hidden fields (a browser posts them), but the ViewState, which is added last. */
        Map<String, String> hiddenFields(String formId) {
            Map<String, String> hidden = new LinkedHashMap<>();
            for (Element input : requiredForm(formId).select("input[type=hidden]")) {
                if (!input.attr("name").equals(VIEW_STATE)) {
                    hidden.put(input.attr("name"), input.val());
                }
            }
            return hidden;
        }

        String h1() {
            return required("h1", "an h1").text();
        }

        /** The text of the h:message at a field (id "form:field-erreur"), empty when none. */
        String fieldError(String fieldId) {
            return textOf(fieldId + "-erreur");
        }

        /** The page-level messages of a form (its h:messages list), empty when none. */
        String globalErrors(String formId) {
            return textOf(formId + ":erreurs");
        }

        /** The text of the whole page, as one line. */
        String text() {
            return document.text();
        }

        private String textOf(String id) {
            Element element = document.getElementById(id);
            return element == null ? "" : element.text();
        }

        private Optional<Element> form(String formId) {
            return Optional.ofNullable(document.getElementById(formId)).filter(e -> e.normalName().equals("form"));
        }

        private Element requiredForm(String formId) {
            return form(formId).orElseThrow(() -> notInThePage("the form " + formId));
        }

        private Element required(String cssQuery, String what) {
            Element element = document.selectFirst(cssQuery);
            if (element == null) {
                throw notInThePage(what);
            }
            return element;
        }

        private AssertionError notInThePage(String what) {
            return new AssertionError(what + " is not in the page " + uri + " (" + status + "):\n" + body);
        }
    }

    final CookieManager cookies;
    final HttpClient http;
    private final URI base;
    /** Whether each request goes as through a reverse proxy that ended TLS: {@code X-Forwarded-Proto: https}. */
    private final boolean behindTlsProxy;
    /** The headers of every response received, in order. */
    final java.util.List<HttpHeaders> received = new java.util.ArrayList<>();

    FormClient(URI base) {
        this(base, false);
    }

    private FormClient(URI base, boolean behindTlsProxy) {
        this.base = base;
        this.behindTlsProxy = behindTlsProxy;
        this.cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL) {
            @Override
            public Map<String, java.util.List<String>> get(URI uri, Map<String, java.util.List<String>> headers) throws IOException {
                // Behind a proxy that ends TLS, the browser's side is HTTPS: its Secure cookies go back too.
                return super.get(behindTlsProxy ? URI.create(uri.toString().replaceFirst("^http:", "https:")) : uri, headers);
            }
        };
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * A browser whose requests reach the service through a reverse proxy that ended TLS: each carries
     * {@code X-Forwarded-Proto: https} (as such a proxy adds it), and the Secure cookies it gets are sent back.
     */
    static FormClient behindTlsProxy(URI base) {
        return new FormClient(base, true);
    }

    String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    Page get(String path) {
        return follow(send(HttpRequest.newBuilder(base.resolve(path)).GET().build()));
    }

    /** Posts a form as its submit button would, with these field values (and nothing else). */
    Page submit(Page page, String formId, String buttonId, Map<String, String> fields) {
        return follow(send(post(page, formId, buttonId, fields)));
    }

    HttpRequest post(Page page, String formId, String buttonId, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(formId, formId);
        form.putAll(page.hiddenFields(formId));
        form.putAll(fields);
        form.put(buttonId, "x");
        form.put(VIEW_STATE, page.viewState());
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(page.uri().resolve(page.formAction(formId)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            HttpRequest sent = behindTlsProxy
                    ? HttpRequest.newBuilder(request, (name, value) -> true).header("X-Forwarded-Proto", "https").build() : request;
            HttpResponse<String> response = http.send(sent, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            received.add(response.headers());
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Page follow(HttpResponse<String> response) {
        for (int i = 0; i < 5 && response.statusCode() / 100 == 3; i++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = send(HttpRequest.newBuilder(next).GET().build());
        }
        return new Page(response.statusCode(), response.uri(), response.body(), response.headers());
    }
}
