package fr.ameli.compte.web.creation;

import fr.ameli.compte.web.shared.FieldReader;
import fr.ameli.compte.web.shared.PageMessages;
import fr.ameli.compte.application.creation.IdentityProof;
import fr.ameli.compte.domain.person.IbanTail;
import fr.ameli.compte.domain.person.VitaleSerialTail;

import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;

/** What the person typed at the wizard's step « vérification » (PRODUCT §2.3): form {@code verification}. */
public class ProofForm implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    static final String FORM = "verification";

    private String ibanTail;
    private String vitaleTail;

    /** The proof offered, or empty with a message at each field that is missing or refused. */
    Optional<IdentityProof> read(PageMessages messages) {
        FieldReader fields = new FieldReader(messages, FORM);
        Optional<IbanTail> i = fields.required("iban", ibanTail, IbanTail::new);
        Optional<VitaleSerialTail> v = fields.required("vitale", vitaleTail, VitaleSerialTail::new);
        if (i.isEmpty() || v.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IdentityProof(i.get(), v.get()));
    }

    public String getIbanTail() { return ibanTail; }
    public void setIbanTail(String ibanTail) { this.ibanTail = ibanTail; }
    public String getVitaleTail() { return vitaleTail; }
    public void setVitaleTail(String vitaleTail) { this.vitaleTail = vitaleTail; }
}
