package fr.ameli.compte.web;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser, for tests at the HTTP level: keeps the cookies, posts Faces forms
 * with their ViewState to their action URL (conversation id included) and follows redirects, so
 * that a test can send exactly the bytes it wants (hostile inputs, twenty clicks at once).
 */
final class FormClient {

    /** A page as received (after redirects), with what tests read in it. */
    record Page(int status, URI uri, String body, HttpHeaders headers) {

        String viewState() {
            return find("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
        }

        String formAction(String formId) {
            return unescape(find("<form id=\"" + Pattern.quote(formId) + "\"[^>]*action=\"([^\"]*)\""));
        }

        /** The form's own hidden fields (a browser posts them), but the ViewState, which is added last. */
        Map<String, String> hiddenFields(String formId) {
            Matcher form = Pattern.compile("<form id=\"" + Pattern.quote(formId) + "\".*?</form>", Pattern.DOTALL).matcher(body);
            Map<String, String> hidden = new LinkedHashMap<>();
            if (form.find()) {
                Matcher input = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"").matcher(form.group());
                while (input.find()) {
                    if (!input.group(1).equals("jakarta.faces.ViewState")) {
                        hidden.put(unescape(input.group(1)), unescape(input.group(2)));
                    }
                }
            }
            return hidden;
        }

        String h1() {
            return unescape(find("<h1>(.*?)</h1>"));
        }

        /** The text of the h:message at a field (id "form:field-erreur"), empty when none. */
        String fieldError(String fieldId) {
            Matcher m = Pattern.compile("<span id=\"" + Pattern.quote(fieldId + "-erreur") + "\"[^>]*>(.*?)</span>", Pattern.DOTALL)
                    .matcher(body);
            return m.find() ? unescape(m.group(1)).strip() : "";
        }

        /** The page-level messages of a form (its h:messages list), empty when none. */
        String globalErrors(String formId) {
            Matcher m = Pattern.compile("<ul id=\"" + Pattern.quote(formId + ":erreurs") + "\"[^>]*>(.*?)</ul>", Pattern.DOTALL)
                    .matcher(body);
            return m.find() ? unescape(m.group(1).replaceAll("<[^>]+>", " ")).strip().replaceAll("\\s+", " ") : "";
        }

        String text() {
            return unescape(body.replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ");
        }

        private String find(String regex) {
            Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(body);
            if (!m.find()) {
                throw new AssertionError("not in the page " + uri + " (" + status + "): " + regex + "\n" + body);
            }
            return m.group(1);
        }
    }

    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI base;

    FormClient(URI base) {
        this.base = base;
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
        form.put("jakarta.faces.ViewState", page.viewState());
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(page.uri().resolve(page.formAction(formId)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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

    static String unescape(String html) {
        Matcher m = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(html
                .replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", "\u00a0"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int code = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
            m.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(code))));
        }
        m.appendTail(out);
        return out.toString().replace("&amp;", "&");
    }
}
