package org.mizan.source.derive;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;

/**
 * Country names to ISO 3166-1 alpha-2, from the JDK's locale data (each ISO country's name in English, French,
 * Spanish, German, Russian and Arabic, and its alpha-2 and alpha-3 codes) plus the aliases in
 * {@code country-aliases.txt} (the names statistical offices publish that the locale data spells otherwise:
 * "Korea, Rep.", "Egypt, Arab Rep.", "Kyrgyz Republic", …). Case, accents, punctuation and a leading or
 * trailing "the" are ignored.
 */
public final class CountryNames {

    private static final Locale[] LANGUAGES = {
        Locale.ENGLISH, Locale.FRENCH, new Locale("es"), Locale.GERMAN, new Locale("ru"), new Locale("ar")
    };
    private static volatile CountryNames standard;

    private final Map<String, String> byName = new HashMap<>();

    /** The JDK's names and the documented aliases. */
    public static CountryNames standard() {
        if (standard == null) {
            CountryNames c = new CountryNames();
            c.addLocaleNames();
            c.addAliases("country-aliases.txt");
            standard = c;
        }
        return standard;
    }

    private void addLocaleNames() {
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            byName.putIfAbsent(key(code), code);
            try {
                byName.putIfAbsent(key(country.getISO3Country()), code);
            } catch (MissingResourceException e) {
                // a country without an alpha-3 code in this JDK: its name still resolves
            }
            for (Locale language : LANGUAGES) {
                byName.putIfAbsent(key(country.getDisplayCountry(language)), code);
            }
        }
    }

    private void addAliases(String resource) {
        InputStream in = CountryNames.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the country aliases (" + resource + ") are missing from the build");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int bar = line.indexOf('|');
                if (line.isBlank() || line.startsWith("#") || bar < 0) {
                    continue;
                }
                // aliases win over the locale names: they are chosen by hand
                byName.put(key(line.substring(bar + 1)), line.substring(0, bar).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The alpha-2 code of a name or code, or null when it is not a country Mizan knows. */
    public String code(String name) {
        return name == null ? null : byName.get(key(name));
    }

    /** Every ISO 3166-1 alpha-2 code this table resolves to. */
    public Set<String> codes() {
        return Set.copyOf(byName.values());
    }

    static String key(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replace("&", " and ")
                .replace("st.", "saint ")
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
        s = s.replaceAll("^the ", "").replaceAll(" the$", "");
        return s.replaceAll(" +", " ");
    }
}
