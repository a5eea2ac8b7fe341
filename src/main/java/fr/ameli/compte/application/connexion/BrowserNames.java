package fr.ameli.compte.application.connexion;

import java.util.List;
import java.util.Map;

/**
 * The words that let a person recognise one of their browsers in a mail or a list (PRODUCT §2.10,
 * §2.11): its family and its system, « Firefox sous Windows », read from the User-Agent header.
 * Only these two: no version, nothing that would make a fingerprint. The header is the client's
 * to choose, so the words are only a hint, never a proof. Rules are tried in order: an iPhone's
 * header also says « Mac OS X », Edge's and Opera's also say « Chrome ».
 */
public final class BrowserNames {

    static final String UNKNOWN = "un navigateur inconnu";

    private static final List<Map.Entry<String, String>> FAMILIES = List.of(
            Map.entry("Edg", "Edge"),
            Map.entry("OPR/", "Opera"),
            Map.entry("SamsungBrowser", "Samsung Internet"),
            Map.entry("Firefox/", "Firefox"),
            Map.entry("FxiOS", "Firefox"),
            Map.entry("CriOS", "Chrome"),
            Map.entry("Chrome/", "Chrome"),
            Map.entry("Chromium/", "Chromium"),
            Map.entry("Safari/", "Safari"));

    private static final List<Map.Entry<String, String>> SYSTEMS = List.of(
            Map.entry("Windows", "Windows"),
            Map.entry("iPhone", "iOS"),
            Map.entry("iPad", "iPadOS"),
            Map.entry("Android", "Android"),
            Map.entry("CrOS", "ChromeOS"),
            Map.entry("Macintosh", "macOS"),
            Map.entry("Mac OS X", "macOS"),
            Map.entry("Linux", "Linux"));

    private BrowserNames() {
    }

    /** « Firefox sous Windows », « Safari », « un navigateur sous Linux », or « un navigateur inconnu ». */
    public static String of(String userAgent) {
        String family = first(FAMILIES, userAgent);
        String system = first(SYSTEMS, userAgent);
        if (family == null && system == null) {
            return UNKNOWN;
        }
        String browser = family == null ? "un navigateur" : family;
        return system == null ? browser : browser + " sous " + system;
    }

    private static String first(List<Map.Entry<String, String>> rules, String userAgent) {
        if (userAgent == null) {
            return null;
        }
        for (Map.Entry<String, String> rule : rules) {
            if (userAgent.contains(rule.getKey())) {
                return rule.getValue();
            }
        }
        return null;
    }
}
