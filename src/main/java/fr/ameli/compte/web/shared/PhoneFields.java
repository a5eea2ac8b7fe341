package fr.ameli.compte.web.shared;

import fr.ameli.compte.domain.account.ContactChoices;
import fr.ameli.compte.domain.account.PhoneNumber;

import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;

/**
 * The two optional phone numbers, as the wizard's contact step (PRODUCT §2.6) and « Mon espace »
 * (§2.11) ask them: fields {@code mobile} and {@code fixe} of whichever form holds them, typed as
 * people type them, read by {@link PhoneNumber} with its messages. Blank means no number (in
 * « Mon espace », the number removed).
 */
public class PhoneFields implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    static final String MOBILE = "mobile";
    static final String LANDLINE = "fixe";

    private String mobile;
    private String landline;

    /** The mobile number, or empty when left blank or refused (then with its message at the field). */
    public Optional<PhoneNumber> readMobile(FieldReader fields) {
        return fields.optional(MOBILE, mobile, PhoneNumber::mobile);
    }

    /** The landline number, or empty when left blank or refused (then with its message at the field). */
    public Optional<PhoneNumber> readLandline(FieldReader fields) {
        return fields.optional(LANDLINE, landline, PhoneNumber::landline);
    }

    /** The numbers the account holds, shown as people write them (06 12 34 56 78). */
    public void show(ContactChoices contact) {
        mobile = contact.mobile() == null ? null : PhoneNumber.mobile(contact.mobile()).display();
        landline = contact.landline() == null ? null : PhoneNumber.landline(contact.landline()).display();
    }

    public String getMobile() { return mobile; }
    public void setMobile(String mobile) { this.mobile = mobile; }
    public String getLandline() { return landline; }
    public void setLandline(String landline) { this.landline = landline; }
}
