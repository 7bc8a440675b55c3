package org.mizan.normalise;

import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** ISO 3166-1 countries (alpha-2, and alpha-3 for files that use it) and ISO 4217 currencies, from the JDK's tables. */
public final class IsoCodes {

    private static final Set<String> COUNTRIES = new HashSet<>();
    private static final Map<String, String> ALPHA3_TO_ALPHA2 = new HashMap<>();
    private static final Set<String> CURRENCIES = new HashSet<>();

    static {
        for (String a2 : Locale.getISOCountries()) {
            COUNTRIES.add(a2);
            ALPHA3_TO_ALPHA2.put(new Locale("", a2).getISO3Country(), a2);
        }
        // Kosovo has a user-assigned code that banks and the World Bank use
        COUNTRIES.add("XK");
        ALPHA3_TO_ALPHA2.put("XKX", "XK");
        ALPHA3_TO_ALPHA2.put("KSV", "XK");
        // published historical series still use codes ISO 3166-3 has withdrawn (Netherlands Antilles, until 2010)
        ALPHA3_TO_ALPHA2.put("ANT", "AN");
        for (Currency c : Currency.getAvailableCurrencies()) {
            CURRENCIES.add(c.getCurrencyCode());
        }
    }

    private IsoCodes() {}

    public static String country(String field, String v) {
        if (!COUNTRIES.contains(v)) {
            throw new RowRejected(Rule.BAD_COUNTRY, field + " '" + v + "' is not an ISO 3166-1 alpha-2 country code");
        }
        return v;
    }

    /** An alpha-3 code (as the World Bank writes them) turned into alpha-2. */
    public static String countryAlpha3(String field, String v) {
        String a2 = ALPHA3_TO_ALPHA2.get(v);
        if (a2 == null) {
            throw new RowRejected(Rule.BAD_COUNTRY, field + " '" + v + "' is not an ISO 3166-1 alpha-3 country code");
        }
        return a2;
    }

    public static String currency(String field, String v) {
        if (v.length() != 3 || !CURRENCIES.contains(v)) {
            throw new RowRejected(Rule.BAD_CURRENCY, field + " '" + v + "' is not an ISO 4217 currency code");
        }
        return v;
    }
}
