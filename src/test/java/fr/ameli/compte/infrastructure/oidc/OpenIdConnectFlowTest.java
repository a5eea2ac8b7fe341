package fr.ameli.compte.infrastructure.oidc;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.Scope;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.ameli.compte.application.connexion.OpenIdProvider.Pending;
import fr.ameli.compte.application.connexion.OpenIdProvider.Refused;
import fr.ameli.compte.infrastructure.config.OpenIdSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ID token's signature is checked with an algorithm we chose, never the one its own header names
 * (docs/SECURITY.md): against a provider on this machine (the JDK's HTTP server: discovery, keys and
 * token endpoint) whose token endpoint answers the ID token each test makes.
 */
class OpenIdConnectFlowTest {

    private static final String CLIENT_ID = "ameli-recette";
    private static final String CLIENT_SECRET = "un-secret-partage-de-plus-de-32-caracteres";

    private HttpServer server;
    private URI issuer;
    private RSAKey providerKey;
    /** What the provider announces in id_token_signing_alg_values_supported. */
    private List<String> announced = List.of("RS256", "ES256");
    /** The ID token the token endpoint answers, made from the nonce of the login under way. */
    private Function<String, String> idToken;
    private final OpenIdConnectFlow flow = new OpenIdConnectFlow();

    @BeforeEach
    void startProvider() throws Exception {
        providerKey = new RSAKeyGenerator(2048).keyID("cle-1").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/fc");
        server.createContext("/fc/.well-known/openid-configuration", exchange -> answer(exchange, "{"
                + "\"issuer\":\"" + issuer + "\","
                + "\"authorization_endpoint\":\"" + issuer + "/authorize\","
                + "\"token_endpoint\":\"" + issuer + "/token\","
                + "\"jwks_uri\":\"" + issuer + "/jwks\","
                + "\"response_types_supported\":[\"code\"],"
                + "\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[" + String.join(",", announced.stream().map(a -> "\"" + a + "\"").toList()) + "]}"));
        server.createContext("/fc/jwks", exchange -> answer(exchange, new JWKSet(providerKey.toPublicJWK()).toString()));
        server.start();
    }

    @AfterEach
    void stopProvider() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The claims of a right ID token for the login under way. */
    private JWTClaimsSet claims(String nonce) {
        return new JWTClaimsSet.Builder().issuer(issuer.toString()).subject("sub-martin").audience(CLIENT_ID)
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 60_000)).claim("nonce", nonce).build();
    }

    /** A login sent to the provider and back with a code; the token endpoint answers {@link #idToken}. */
    private Map<String, Object> logIn() throws Refused {
        OpenIdSettings settings = new OpenIdSettings(issuer, CLIENT_ID, CLIENT_SECRET, Optional.empty());
        URI redirect = URI.create("https://compte.ameli.test/franceconnect/retour");
        Pending pending = flow.start(settings, new Scope("openid"), redirect).getValue();
        server.createContext("/fc/token", exchange -> answer(exchange, "{\"access_token\":\"at\",\"token_type\":\"Bearer\","
                + "\"id_token\":\"" + idToken.apply(pending.nonce()) + "\"}"));
        return flow.finish(settings, URI.create(redirect + "?code=un-code&state=" + pending.state()), pending, List.of("sub"));
    }

    private String signedWithTheProviderKey(String nonce) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("cle-1").type(JOSEObjectType.JWT).build(), claims(nonce));
            jwt.sign(new RSASSASigner(providerKey));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void an_id_token_signed_by_the_provider_s_key_is_believed() throws Exception {
        idToken = this::signedWithTheProviderKey;
        assertEquals("sub-martin", logIn().get("sub"));
    }

    /**
     * The algorithm-confusion attack: a token that says HS256, signed with the client secret (which is
     * not the provider's to keep alone), was checked with that secret because its header asked for it.
     */
    @Test
    void an_id_token_signed_with_the_client_secret_is_refused_even_when_the_provider_announces_hs256() throws Exception {
        announced = List.of("RS256", "HS256");
        stopProvider();
        startProvider();
        idToken = nonce -> {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(nonce));
                jwt.sign(new MACSigner(CLIENT_SECRET));
                return jwt.serialize();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        Refused refused = assertThrows(Refused.class, this::logIn);
        assertTrue(refused.getMessage().contains("HS256"), refused.getMessage());
    }

    @Test
    void an_unsigned_id_token_is_refused() {
        idToken = nonce -> new PlainJWT(claims(nonce)).serialize();
        assertThrows(Refused.class, this::logIn);
    }

    @Test
    void an_algorithm_the_provider_did_not_announce_is_refused() throws Exception {
        announced = List.of("ES256");
        stopProvider();
        startProvider();
        idToken = this::signedWithTheProviderKey;
        assertThrows(Refused.class, this::logIn);
    }
}
