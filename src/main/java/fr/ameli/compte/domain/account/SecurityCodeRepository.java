package fr.ameli.compte.domain.account;

/** The database of the security codes mailed at login (PRODUCT §2.10). */
public interface SecurityCodeRepository {

    /** The account's security code becomes this one (an older one stops working). */
    void replaceSecurityCode(SecurityCode code);
}
