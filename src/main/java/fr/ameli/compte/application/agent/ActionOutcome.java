package fr.ameli.compte.application.agent;

public enum ActionOutcome {
    DONE,
    /** The NIR is not in the register. */
    NOT_IN_REGISTER,
    /** The person has no account. */
    NO_ACCOUNT,
    /** The action needs a pending account (new activation mail). */
    NOT_PENDING,
    /** The action needs an active account (new email address). */
    NOT_ACTIVE,
    /** The account has no passkey. */
    NO_PASSKEY,
    /** No lock in force. */
    NOTHING_TO_LIFT,
    /** The post rules: one letter a day, already sent. */
    LETTER_ALREADY_SENT,
    /** The post rules: the NIR had its letters of the 90 days ({@code ProvisionalCode.LETTERS_PER_PERIOD}). */
    LETTERS_OF_PERIOD_SENT,
    /** The mail rules: too many activation mails this hour. */
    TOO_MANY,
    /** The new address is the account's own. */
    SAME_ADDRESS,
    /** The agent did not tick that an identity document was checked. */
    IDENTITY_NOT_CHECKED,
    /** The person already has an account (pending or active): a provisional code only serves to create one (PRODUCT §2.3). */
    HAS_ACCOUNT
}
