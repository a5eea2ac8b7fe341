package fr.ameli.compte.infrastructure.franceconnect;

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
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import fr.ameli.compte.application.FranceConnectIdentity;
import fr.ameli.compte.application.FranceConnectProvider;
import fr.ameli.compte.infrastructure.config.AmeliConfig;
import fr.ameli.compte.infrastructure.config.FranceConnectSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenID Connect client of FranceConnect (Nimbus OAuth 2.0 SDK): the authorization-code
 * flow with state, nonce and PKCE (S256), the code exchanged with the client secret, the ID token
 * checked (signature, issuer, audience, expiry, nonce) before any claim is believed.
 */
@ApplicationScoped
public class FranceConnectClient implements FranceConnectProvider {

    private static final int TIMEOUT_MS = 10_000;

    @Inject
    AmeliConfig config;

    private final Map<URI, OIDCProviderMetadata> providers = new ConcurrentHashMap<>();

    @Override
    public boolean enabled() {
        return config.franceConnect().isPresent();
    }

    @Override
    public URI redirectUri(URI callbackOfThisRequest) {
        return config.franceConnect().flatMap(FranceConnectSettings::redirectUrl).orElse(callbackOfThisRequest);
    }

    @Override
    public Map.Entry<URI, Pending> start(URI redirectUri) throws FranceConnectException {
        FranceConnectSettings fc = settings();
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "given_name", "family_name", "birthdate"), new ClientID(fc.clientId()), redirectUri)
                .endpointURI(provider(fc).getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        return Map.entry(request.toURI(), new Pending(state.getValue(), nonce.getValue(), verifier.getValue(), redirectUri));
    }

    @Override
    public FranceConnectIdentity finish(URI callback, Pending pending) throws FranceConnectException {
        FranceConnectSettings fc = settings();
        OIDCProviderMetadata provider = provider(fc);
        try {
            AuthenticationResponse response = AuthenticationResponseParser.parse(callback);
            if (!response.indicatesSuccess()) {
                throw new FranceConnectException("FranceConnect answered " + response.toErrorResponse().getErrorObject(), null);
            }
            AuthenticationSuccessResponse success = response.toSuccessResponse();
            if (success.getState() == null || !success.getState().getValue().equals(pending.state())) {
                throw new FranceConnectException("state does not match", null);
            }
            AuthorizationCode code = success.getAuthorizationCode();
            ClientID clientId = new ClientID(fc.clientId());
            TokenRequest tokenRequest = new TokenRequest(provider.getTokenEndpointURI(),
                    new ClientSecretBasic(clientId, new Secret(fc.clientSecret())),
                    new AuthorizationCodeGrant(code, pending.redirectUri(), new CodeVerifier(pending.codeVerifier())));
            HTTPRequest http = tokenRequest.toHTTPRequest();
            http.setConnectTimeout(TIMEOUT_MS);
            http.setReadTimeout(TIMEOUT_MS);
            TokenResponse tokens = OIDCTokenResponseParser.parse(http.send());
            if (!tokens.indicatesSuccess()) {
                throw new FranceConnectException("token refused: " + tokens.toErrorResponse().getErrorObject(), null);
            }
            OIDCTokenResponse oidc = (OIDCTokenResponse) tokens.toSuccessResponse();
            JWT idToken = oidc.getOIDCTokens().getIDToken();
            JWSAlgorithm algorithm = (JWSAlgorithm) idToken.getHeader().getAlgorithm();
            IDTokenValidator validator = JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)
                    ? new IDTokenValidator(provider.getIssuer(), clientId, algorithm, new Secret(fc.clientSecret()))
                    : new IDTokenValidator(provider.getIssuer(), clientId, algorithm, provider.getJWKSetURI().toURL());
            IDTokenClaimsSet claims = validator.validate(idToken, new Nonce(pending.nonce()));
            String given = claims.getStringClaim("given_name");
            String family = claims.getStringClaim("family_name");
            String birthdate = claims.getStringClaim("birthdate");
            if ((family == null || birthdate == null) && provider.getUserInfoEndpointURI() != null) {
                HTTPRequest userInfo = new UserInfoRequest(provider.getUserInfoEndpointURI(), oidc.getOIDCTokens().getBearerAccessToken())
                        .toHTTPRequest();
                userInfo.setConnectTimeout(TIMEOUT_MS);
                userInfo.setReadTimeout(TIMEOUT_MS);
                UserInfoResponse info = UserInfoResponse.parse(userInfo.send());
                if (info.indicatesSuccess()) {
                    UserInfo u = info.toSuccessResponse().getUserInfo();
                    given = u.getGivenName();
                    family = u.getFamilyName();
                    birthdate = u.getBirthdate();
                }
            }
            return new FranceConnectIdentity(given, family, birthdate == null ? null : LocalDate.parse(birthdate));
        } catch (FranceConnectException e) {
            throw e;
        } catch (DateTimeParseException | ClassCastException e) {
            throw new FranceConnectException("unexpected claims", e);
        } catch (Exception e) {
            throw new FranceConnectException("FranceConnect exchange failed: " + e.getMessage(), e);
        }
    }

    private FranceConnectSettings settings() throws FranceConnectException {
        return config.franceConnect().orElseThrow(() -> new FranceConnectException("FranceConnect is not configured", null));
    }

    /** The provider's metadata from its discovery document, fetched once. */
    private OIDCProviderMetadata provider(FranceConnectSettings fc) throws FranceConnectException {
        try {
            return providers.computeIfAbsent(fc.issuer(), issuer -> {
                try {
                    return OIDCProviderMetadata.resolve(new Issuer(issuer.toString()), TIMEOUT_MS, TIMEOUT_MS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (IllegalStateException e) {
            throw new FranceConnectException("FranceConnect discovery failed for " + fc.issuer(), e.getCause());
        }
    }
}
