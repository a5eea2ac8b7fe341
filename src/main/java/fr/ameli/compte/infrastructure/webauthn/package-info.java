/**
 * WebAuthn (passkeys) checked by webauthn4j: the relying party's ceremonies, no hand-written CBOR,
 * COSE or signature code.
 */
package fr.ameli.compte.infrastructure.webauthn;
