/**
 * The account aggregate (PRODUCT §3, §5): the account, its contact choices and consents, and what
 * belongs to it — links sent by mail, security codes, login sessions, remembered browsers, provisional codes.
 */
package fr.ameli.compte.domain.account;
