package fr.ameli.compte.bench;

import fr.ameli.compte.domain.person.Iban;
import fr.ameli.compte.domain.person.Nir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A register extract of fictitious persons for the benchmark, in the operators' CSV format
 * (README « Loading a register »): distinct NIRs with their key, birth dates that agree with the
 * NIR, IBANs that pass the mod-97 check, Vitale serials. The same {@code count} always gives the
 * same file, so that a run can be repeated.
 */
public final class SyntheticRegister {

    static final String HEADER = "nir;nom;prenom;date_naissance;code_postal;commune;adresse;iban;serie_vitale";
    private static final String[] NAMES = {"MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT",
            "DURAND", "LEROY", "MOREAU", "SIMON", "LAURENT", "LEFEBVRE", "MICHEL", "GARCIA", "DAVID", "BERTRAND",
            "ROUX", "VINCENT", "FOURNIER"};
    private static final String[] FIRST_NAMES = {"Marie", "Jean", "Camille", "Louis", "Léa", "Hugo", "Chloé", "Nathan"};

    private SyntheticRegister() {
    }

    /** Row {@code i} (0-based) of the register, without its line break. */
    static String row(int i) {
        int sex = 1 + i % 2;
        int year = 30 + i % 70;                       // born 1930–1999
        int month = 1 + (i / 2) % 12;
        int day = 1 + (i / 24) % 28;
        int department = 1 + (i / 998_001) % 19;     // 01–19: Corsica's 2A/2B left aside
        int commune = 1 + (i / 999) % 999;
        int order = 1 + i % 999;
        Nir nir = new Nir(String.format("%d%02d%02d%02d%03d%03d", sex, year, month, department, commune, order));
        String name = NAMES[i % NAMES.length] + " " + letters(i / NAMES.length);
        String birthDate = String.format("%02d/%02d/19%02d", day, month, year);
        String postalCode = String.format("%02d%03d", department, (commune * 7) % 1000);
        String iban = iban(String.format("20041%05d%011d", 1 + i % 99_999, 1_000_000L + i) + "00");
        String vitale = String.format("8250%012d", (i * 7_919L + 13) % 1_000_000_000_000L);
        return String.join(";", nir.fullForm(), name, FIRST_NAMES[i % FIRST_NAMES.length], birthDate, postalCode,
                "Commune " + commune, order + " rue du Banc d'essai", iban, vitale);
    }

    /** A name part made of letters only (names take no digits): 0 → A, 25 → Z, 26 → BA… */
    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        do {
            s.insert(0, (char) ('A' + n % 26));
            n /= 26;
        } while (n > 0);
        return s.toString();
    }

    /** A French IBAN for this 23-character BBAN, with its mod-97 check digits. */
    private static String iban(String bban) {
        BigInteger rearranged = new BigInteger(bban + "1527" + "00"); // F=15, R=27
        int check = 98 - rearranged.mod(BigInteger.valueOf(97)).intValue();
        String iban = String.format("FR%02d%s", check, bban);
        if (!Iban.isValid(iban)) {
            throw new IllegalStateException("generated IBAN fails its check: " + iban);
        }
        return iban;
    }

    /** Writes {@code count} persons to {@code file} (kept if it already holds them). */
    public static Path write(Path file, int count) throws IOException {
        if (Files.exists(file) && Files.size(file) > 0) {
            try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
                if (lines.count() == count + 1L) {
                    return file;
                }
            }
        }
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.newLine();
            for (int i = 0; i < count; i++) {
                out.write(row(i));
                out.newLine();
            }
        }
        return file;
    }

    public static void main(String[] args) throws IOException {
        System.out.println(write(Path.of(args[0]), Integer.parseInt(args[1])));
    }
}
