package fr.ameli.compte.infrastructure.register;

import fr.ameli.compte.domain.person.BirthDate;
import fr.ameli.compte.domain.person.Iban;
import fr.ameli.compte.domain.person.ProofTails;
import fr.ameli.compte.domain.person.InsuredPerson;
import fr.ameli.compte.domain.shared.InvalidValueException;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.person.PersonName;
import fr.ameli.compte.domain.person.PostalCode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a register extract (PRODUCT §4): UTF-8, {@code ;}-separated, with the header line
 * {@value #HEADER}. Every row is checked by the domain's value objects; a bad row is handed to the
 * caller with its line number and the reason, and reading goes on with the next one.
 *
 * <p>Plain Java, streaming: a 100,000-row extract is never held in memory.
 */
public final class RegisterCsvReader {

    public static final String HEADER = "nir;nom;prenom;date_naissance;code_postal;commune;adresse;iban;serie_vitale";
    private static final int COLUMNS = 9;
    private static final int MAX_LINE_LENGTH = 2_000;

    /** Receives the rows as they are read. */
    public interface RowHandler {
        void accepted(int lineNumber, InsuredPerson person);

        void rejected(RejectedRow row);
    }

    private final Clock clock;
    private final java.util.function.BiFunction<Iban, String, ProofTails> proof;

    /**
     * @param proof what the register keeps of a row's IBAN and Vitale serial (their tails' keyed
     *              hashes, {@link ProofTails#ofRegister}): the reader never hands the full values on
     */
    public RegisterCsvReader(Clock clock, java.util.function.BiFunction<Iban, String, ProofTails> proof) {
        this.clock = clock;
        this.proof = proof;
    }

    /**
     * Reads the whole extract. A missing or wrong header rejects line 1 and reads nothing else:
     * columns in another order would put names in the wrong fields.
     */
    public void read(Reader source, RowHandler handler) throws IOException {
        BufferedReader in = source instanceof BufferedReader b ? b : new BufferedReader(source);
        String header = in.readLine();
        if (header == null) {
            handler.rejected(new RejectedRow(1, "fichier vide : la ligne d'en-tête « " + HEADER + " » manque"));
            return;
        }
        if (!HEADER.equalsIgnoreCase(stripBom(header).strip())) {
            handler.rejected(new RejectedRow(1, "en-tête inattendu : « " + abbreviate(header)
                    + " » au lieu de « " + HEADER + " »"));
            return;
        }
        Map<String, Integer> firstLineOfNir = new HashMap<>();
        String line;
        int lineNumber = 1;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                InsuredPerson person = parse(line);
                String nir = person.nir().fullForm();
                Integer first = firstLineOfNir.putIfAbsent(nir, lineNumber);
                if (first != null) {
                    handler.rejected(new RejectedRow(lineNumber, "NIR déjà présent à la ligne " + first + " du fichier"));
                } else {
                    handler.accepted(lineNumber, person);
                }
            } catch (InvalidValueException e) {
                handler.rejected(new RejectedRow(lineNumber, e.getMessage()));
            }
        }
    }

    private InsuredPerson parse(String line) {
        if (line.length() > MAX_LINE_LENGTH) {
            throw new InvalidValueException("ligne trop longue (" + line.length() + " caractères)");
        }
        String[] f = line.split(";", -1);
        if (f.length != COLUMNS) {
            throw new InvalidValueException(f.length + " colonnes au lieu de " + COLUMNS);
        }
        Nir nir = field("nir", () -> Nir.parseFullForm(f[0].strip()));
        PersonName name = field("nom", () -> new PersonName(f[1]));
        BirthDate birthDate = field("date_naissance", () -> BirthDate.parse(f[3].strip(), clock));
        PostalCode postalCode = field("code_postal", () -> new PostalCode(f[4]));
        Iban iban = field("iban", () -> new Iban(f[7]));
        ProofTails tails = field("serie_vitale", () -> proof.apply(iban, f[8].strip()));
        return new InsuredPerson(nir, name, f[2], birthDate.value(), postalCode, f[5], f[6], tails);
    }

    private interface Parse<T> {
        T get();
    }

    private static <T> T field(String column, Parse<T> parse) {
        try {
            return parse.get();
        } catch (InvalidValueException e) {
            throw new InvalidValueException("colonne " + column + " : " + e.getMessage());
        } catch (RuntimeException e) {
            throw new InvalidValueException("colonne " + column + " : valeur illisible");
        }
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
