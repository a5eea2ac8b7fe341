/*
 * Passkeys (PRODUCT §2.1, §2.11): the browser's WebAuthn ceremonies for the login page and for
 * « Mes clés d'accès ». The server gives the options (with a challenge of this session) and checks the
 * answers; this script only carries them, as JSON (binary values in Base64url). Where the browser has
 * no WebAuthn, nothing of passkeys shows.
 */
(function () {
    "use strict";
    var unsupported = document.querySelector("[data-sans-webauthn]");
    if (!window.PublicKeyCredential || !navigator.credentials) {
        return;
    }
    if (unsupported) {
        unsupported.hidden = true;
    }

    function fromBase64Url(text) {
        var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
        var raw = atob(base64 + "===".slice((base64.length + 3) % 4));
        var bytes = new Uint8Array(raw.length);
        for (var i = 0; i < raw.length; i++) {
            bytes[i] = raw.charCodeAt(i);
        }
        return bytes.buffer;
    }

    function toBase64Url(buffer) {
        var bytes = new Uint8Array(buffer);
        var raw = "";
        for (var i = 0; i < bytes.length; i++) {
            raw += String.fromCharCode(bytes[i]);
        }
        return btoa(raw).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    }

    function withIds(list) {
        return (list || []).map(function (c) { return {type: c.type, id: fromBase64Url(c.id)}; });
    }

    function creationOptions(json) {
        if (PublicKeyCredential.parseCreationOptionsFromJSON) {
            return PublicKeyCredential.parseCreationOptionsFromJSON(json);
        }
        var options = Object.assign({}, json);
        options.challenge = fromBase64Url(json.challenge);
        options.user = Object.assign({}, json.user, {id: fromBase64Url(json.user.id)});
        options.excludeCredentials = withIds(json.excludeCredentials);
        return options;
    }

    function requestOptions(json) {
        if (PublicKeyCredential.parseRequestOptionsFromJSON) {
            return PublicKeyCredential.parseRequestOptionsFromJSON(json);
        }
        var options = Object.assign({}, json);
        options.challenge = fromBase64Url(json.challenge);
        options.allowCredentials = withIds(json.allowCredentials);
        return options;
    }

    function asJson(credential) {
        if (credential.toJSON) {
            return JSON.stringify(credential.toJSON());
        }
        var r = credential.response;
        var response = {clientDataJSON: toBase64Url(r.clientDataJSON)};
        if (r.attestationObject) {
            response.attestationObject = toBase64Url(r.attestationObject);
            response.transports = r.getTransports ? r.getTransports() : [];
        } else {
            response.authenticatorData = toBase64Url(r.authenticatorData);
            response.signature = toBase64Url(r.signature);
            if (r.userHandle) {
                response.userHandle = toBase64Url(r.userHandle);
            }
        }
        return JSON.stringify({id: credential.id, rawId: toBase64Url(credential.rawId), type: credential.type,
            authenticatorAttachment: credential.authenticatorAttachment || null,
            clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {},
            response: response});
    }

    function say(region, text) {
        region.textContent = text;
        region.hidden = false;
    }

    // « Mes clés d'accès »: the code personnel typed, the device makes the passkey, the form posts both.
    var creation = document.getElementById("creation-cle");
    if (creation) {
        creation.hidden = false;
        var create = document.getElementById("creation:creer");
        var answer = document.getElementById("creation:reponse");
        var code = document.getElementById("creation:codeActuel");
        var error = document.getElementById("cle-erreur");
        create.addEventListener("click", function (event) {
            if (answer.value || !create.getAttribute("data-options") || (code && !code.value)) {
                return; // the answer is there, or the server has something to say first (a code to type)
            }
            event.preventDefault();
            error.hidden = true;
            navigator.credentials.create({publicKey: creationOptions(JSON.parse(create.getAttribute("data-options")))})
                .then(function (credential) {
                    answer.value = asJson(credential);
                    if (create.form.requestSubmit) {
                        create.form.requestSubmit(create);
                    } else {
                        create.click();
                    }
                })
                .catch(function () {
                    say(error, create.getAttribute("data-erreur"));
                    create.focus();
                });
        });
    }

    // The login page: « Me connecter avec une clé d'accès », and the browser's own suggestions in the NIR field.
    var login = document.getElementById("cle-acces");
    if (login) {
        var form = document.getElementById("cle-acces-formulaire");
        var button = document.getElementById("cle-acces-bouton");
        var failed = document.getElementById("cle-acces-erreur");
        var pending = null;
        login.hidden = false;

        var options = function () {
            return fetch(form.action, {method: "POST", credentials: "same-origin",
                headers: {"Content-Type": "application/x-www-form-urlencoded"}, body: "etape=options"})
                .then(function (response) {
                    if (!response.ok) {
                        throw new Error(String(response.status));
                    }
                    return response.json();
                });
        };
        var send = function (credential) {
            form.elements.reponse.value = asJson(credential);
            form.submit();
        };

        button.addEventListener("click", function () {
            failed.hidden = true;
            if (pending) {
                pending.abort();
            }
            options()
                .then(function (json) { return navigator.credentials.get({publicKey: requestOptions(json)}); })
                .then(send)
                .catch(function () {
                    say(failed, login.getAttribute("data-erreur"));
                    button.focus();
                });
        });

        // After a refused passkey, the page does not offer it again by itself: the person chooses.
        if (PublicKeyCredential.isConditionalMediationAvailable && !document.getElementById("cle-acces-echec")) {
            PublicKeyCredential.isConditionalMediationAvailable().then(function (available) {
                if (!available) {
                    return;
                }
                pending = new AbortController();
                var signal = pending.signal;
                options()
                    .then(function (json) {
                        return navigator.credentials.get({publicKey: requestOptions(json), mediation: "conditional", signal: signal});
                    })
                    .then(send)
                    .catch(function () { /* dismissed, or replaced by the button's own request */ });
            });
        }
    }
}());
