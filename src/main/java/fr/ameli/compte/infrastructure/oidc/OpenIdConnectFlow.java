package fr.ameli.compte.infrastructure.oidc;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import fr.ameli.compte.application.connexion.OpenIdProvider.Pending;
import fr.ameli.compte.application.connexion.OpenIdProvider.Refused;
import fr.ameli.compte.infrastructure.config.OpenIdSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenID Connect authorization-code flow of every provider we log in with (Nimbus OAuth 2.0
 * SDK): the browser sent with state, nonce and PKCE (S256); on its return the state compared, the
 * code exchanged with the client secret, the ID token checked (signature, issuer, audience,
 * expiry, nonce) before any claim is believed — its signature with an algorithm the provider
 * announced and we accept ({@link #ACCEPTED}: RS256, ES256), never the one the token's own header
 * names otherwise (an HMAC keyed with the client secret, or {@code none}, is refused); the
 * user-info endpoint asked only for claims the ID token lacks. FranceConnect and the agents' provider differ only in their settings, scope and
 * which claims they read ({@code FranceConnectClient}, {@link AgentIdentityClient}).
 */
@ApplicationScoped
public class OpenIdConnectFlow {

    private static final int TIMEOUT_MS = 10_000;
    /** The ID token's signature algorithms we accept, asymmetric only: the provider's key signs, never a secret we share. */
    static final List<JWSAlgorithm> ACCEPTED = List.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private final Map<URI, OIDCProviderMetadata> providers = new ConcurrentHashMap<>();

    /** Where to send the browser, and what it must bring back. */
    public Map.Entry<URI, Pending> start(OpenIdSettings settings, Scope scope, URI redirectUri) throws Refused {
        return start(settings, scope, redirectUri, List.of());
    }

    /** The same, asking the provider for one of these levels of login ({@code acr_values}; none: the provider's own). */
    public Map.Entry<URI, Pending> start(OpenIdSettings settings, Scope scope, URI redirectUri, List<String> acrValues) throws Refused {
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE, scope,
                new ClientID(settings.clientId()), redirectUri)
                .endpointURI(provider(settings).getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .acrValues(acrValues.isEmpty() ? null : acrValues.stream().map(ACR::new).toList())
                .build();
        return Map.entry(request.toURI(), new Pending(state.getValue(), nonce.getValue(), verifier.getValue(), redirectUri));
    }

    /**
     * The browser came back to {@code callback}: the claims of its checked ID token (subject
     * included), completed from the user-info endpoint when one of {@code wanted} is missing.
     */
    public Map<String, Object> finish(OpenIdSettings settings, URI callback, Pending pending, Collection<String> wanted)
            throws Refused {
        OIDCProviderMetadata provider = provider(settings);
        try {
            AuthenticationResponse response = AuthenticationResponseParser.parse(callback);
            if (!response.indicatesSuccess()) {
                throw new Refused("the provider answered " + response.toErrorResponse().getErrorObject(), null);
            }
            AuthenticationSuccessResponse success = response.toSuccessResponse();
            if (success.getState() == null || !success.getState().getValue().equals(pending.state())) {
                throw new Refused("state does not match", null);
            }
            AuthorizationCode code = success.getAuthorizationCode();
            ClientID clientId = new ClientID(settings.clientId());
            TokenRequest tokenRequest = new TokenRequest(provider.getTokenEndpointURI(),
                    new ClientSecretBasic(clientId, new Secret(settings.clientSecret())),
                    new AuthorizationCodeGrant(code, pending.redirectUri(), new CodeVerifier(pending.codeVerifier())));
            HTTPRequest http = tokenRequest.toHTTPRequest();
            http.setConnectTimeout(TIMEOUT_MS);
            http.setReadTimeout(TIMEOUT_MS);
            TokenResponse tokens = OIDCTokenResponseParser.parse(http.send());
            if (!tokens.indicatesSuccess()) {
                throw new Refused("token refused: " + tokens.toErrorResponse().getErrorObject(), null);
            }
            OIDCTokenResponse oidc = (OIDCTokenResponse) tokens.toSuccessResponse();
            JWT idToken = oidc.getOIDCTokens().getIDToken();
            IDTokenValidator validator = new IDTokenValidator(provider.getIssuer(), clientId, pinnedAlgorithm(provider, idToken),
                    provider.getJWKSetURI().toURL());
            Map<String, Object> claims = new HashMap<>(validator.validate(idToken, new Nonce(pending.nonce())).toJSONObject());
            if (!claims.keySet().containsAll(wanted) && provider.getUserInfoEndpointURI() != null) {
                HTTPRequest userInfo = new UserInfoRequest(provider.getUserInfoEndpointURI(), oidc.getOIDCTokens().getBearerAccessToken())
                        .toHTTPRequest();
                userInfo.setConnectTimeout(TIMEOUT_MS);
                userInfo.setReadTimeout(TIMEOUT_MS);
                UserInfoResponse info = UserInfoResponse.parse(userInfo.send());
                if (info.indicatesSuccess()) {
                    Map<String, Object> more = info.toSuccessResponse().getUserInfo().toJSONObject();
                    // The user-info answer is about the token's subject, or it is not believed.
                    if (claims.get("sub") != null && claims.get("sub").equals(more.get("sub"))) {
                        more.forEach(claims::putIfAbsent);
                    }
                }
            }
            return claims;
        } catch (Refused e) {
            throw e;
        } catch (Exception e) {
            throw new Refused("OpenID Connect exchange with " + settings.issuer() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The algorithm the ID token must be signed with: the one its header names only when the provider
     * announced it ({@code id_token_signing_alg_values_supported}; RS256 when it announces none, as
     * OpenID Connect says) and it is one we accept; else the token is refused, before any key is read.
     */
    static JWSAlgorithm pinnedAlgorithm(OIDCProviderMetadata provider, JWT idToken) throws Refused {
        List<JWSAlgorithm> announced = provider.getIDTokenJWSAlgs() == null || provider.getIDTokenJWSAlgs().isEmpty()
                ? List.of(JWSAlgorithm.RS256) : provider.getIDTokenJWSAlgs();
        Algorithm named = idToken.getHeader().getAlgorithm();
        if (named instanceof JWSAlgorithm algorithm && ACCEPTED.contains(algorithm) && announced.contains(algorithm)) {
            return algorithm;
        }
        throw new Refused("ID token signed with " + named + ": only " + ACCEPTED.stream().filter(announced::contains).toList()
                + " are accepted from " + provider.getIssuer(), null);
    }

    /**
     * The provider's {@code end_session_endpoint} with this client's id and where to come back
     * ({@code client_id}, {@code post_logout_redirect_uri}: RP-initiated logout 1.0); empty when it announces none.
     */
    public java.util.Optional<URI> logoutAt(OpenIdSettings settings, URI afterwards) {
        try {
            URI endpoint = provider(settings).getEndSessionEndpointURI();
            if (endpoint == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(URI.create(endpoint + (endpoint.getRawQuery() == null ? "?" : "&")
                    + "client_id=" + java.net.URLEncoder.encode(settings.clientId(), java.nio.charset.StandardCharsets.UTF_8)
                    + "&post_logout_redirect_uri=" + java.net.URLEncoder.encode(afterwards.toString(), java.nio.charset.StandardCharsets.UTF_8)));
        } catch (Refused e) {
            return java.util.Optional.empty();
        }
    }

    /** The provider's metadata from its discovery document, fetched once. */
    private OIDCProviderMetadata provider(OpenIdSettings settings) throws Refused {
        try {
            return providers.computeIfAbsent(settings.issuer(), issuer -> {
                try {
                    return OIDCProviderMetadata.resolve(new Issuer(issuer.toString()), TIMEOUT_MS, TIMEOUT_MS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (IllegalStateException e) {
            throw new Refused("OpenID Connect discovery failed for " + settings.issuer(), e.getCause());
        }
    }
}
