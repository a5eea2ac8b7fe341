package fr.ameli.compte.web.connexion;

import fr.ameli.compte.web.shared.SingleUseLinks;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.ameli.compte.Fuzzing;
import fr.ameli.compte.application.connexion.RememberedBrowsers;
import fr.ameli.compte.application.security.SecretTokens;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.ExternalContextWrapper;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The secrets a browser sends back (issue 19): a mailed link's token ({@code SingleUseLinks}), the
 * login form's double-submit token ({@code LoginFormToken}), the remembered browser's signed cookie
 * ({@code RememberedBrowsers.signedToken}) and the shape check they share ({@code SecretTokens}).
 * Whatever the browser sends, each answers with its documented « no » (null, false, empty) and
 * never throws; a « yes » needs what it says: the same token in form and cookie, a right signature.
 */
@ExtendWith(Fuzzing.class)
class TokensFuzzTest {

    /** Stands for the pseudonym key's HMAC: the parser only compares what it gives. */
    private static final UnaryOperator<String> SIGNATURE = token -> SecretTokens.hash("signature:" + token);
    private static final String[] COOKIE_NAMES = {LoginFormToken.COOKIE, "ameli-appareil-0123456789abcdef", "JSESSIONID"};

    private enum Target {
        LINK_TOKEN(data -> {
            String sent = data.consumeBoolean() ? null : data.consumeRemainingAsString();
            String token = SingleUseLinks.token(external(sent == null ? Map.of() : Map.of(SingleUseLinks.TOKEN, sent), null));
            assertTrue(token == null || token.equals(sent) && token.length() <= 100);
            if (token != null && SecretTokens.looksLikeToken(token)) {
                assertEquals(64, SecretTokens.hash(token).length());
            }
        }),
        LOGIN_FORM_TOKEN(data -> {
            List<Cookie> cookies = new ArrayList<>();
            for (int i = data.consumeInt(0, 3); i > 0; i--) {
                cookies.add(new Cookie(data.pickValue(COOKIE_NAMES), data.consumeString(60)));
            }
            String field = data.consumeBoolean() ? null : data.consumeRemainingAsString();
            LoginFormToken form = new LoginFormToken();
            form.external = external(Map.of(), request(cookies.isEmpty() && data.consumeBoolean() ? null : cookies.toArray(Cookie[]::new), field));
            if (form.submittedWithTheCookie()) {
                assertTrue(SecretTokens.looksLikeToken(field), field);
                assertTrue(cookies.stream().anyMatch(c -> c.getName().equals(LoginFormToken.COOKIE) && c.getValue().equals(field)));
            }
        }),
        REMEMBERED_BROWSER(data -> {
            String cookie = data.consumeRemainingAsString();
            Optional<String> token = RememberedBrowsers.signedToken(cookie, SIGNATURE);
            token.ifPresent(t -> assertEquals(t + "." + SIGNATURE.apply(t), cookie));
            // The cookie the service gives, for a token of any shape: accepted exactly when the token has a token's shape.
            String signed = cookie + "." + SIGNATURE.apply(cookie);
            assertEquals(SecretTokens.looksLikeToken(cookie), RememberedBrowsers.signedToken(signed, SIGNATURE).isPresent());
            assertTrue(RememberedBrowsers.signedToken(null, SIGNATURE).isEmpty());
        });

        private final java.util.function.Consumer<FuzzedDataProvider> fuzz;

        Target(java.util.function.Consumer<FuzzedDataProvider> fuzz) {
            this.fuzz = fuzz;
        }
    }

    @FuzzTest(maxDuration = "4s")
    void whatABrowserSendsBack(FuzzedDataProvider data) {
        Fuzzing.tried();
        data.pickValue(Target.values()).fuzz.accept(data);
    }

    private static ExternalContext external(Map<String, String> parameters, HttpServletRequest request) {
        return new ExternalContextWrapper(null) {
            @Override
            public Map<String, String> getRequestParameterMap() {
                return parameters;
            }

            @Override
            public Object getRequest() {
                return request;
            }
        };
    }

    private static HttpServletRequest request(Cookie[] cookies, String field) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(), new Class<?>[]{HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getCookies" -> cookies;
                    case "getParameter" -> LoginFormToken.FIELD.equals(args[0]) ? field : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
