package org.mizan.normalise;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mizan.pseudonym.Pseudonymiser;
import org.mizan.schema.RegistryPerson;
import org.mizan.source.RawRecord;

/**
 * Checks a person record of a municipal registry (format 4) rule by rule, in the order of jobs/README.md, and
 * pseudonymises it: the name, phone and ID number are read only to compute the person_id, then dropped.
 */
public final class RegistryPersonNormaliser extends Normaliser {

    static final Set<String> REGISTRIES = Set.of("migrant", "returnee");
    static final Set<String> SEXES = Set.of("M", "F", "X");
    static final int MIN_AGE = 14;
    static final int MAX_AGE = 100;

    private final Fields f;
    private final Gazetteer gazetteer;
    private final Pseudonymiser pseudonymiser;
    private final Map<String, Long> recordIds = new HashMap<>();

    public RegistryPersonNormaliser(Fields f, Gazetteer gazetteer, Pseudonymiser pseudonymiser) {
        this.f = f;
        this.gazetteer = gazetteer;
        this.pseudonymiser = pseudonymiser;
    }

    @Override
    protected List<RegistryPerson> records(RawRecord r) {
        String registryText = r.get("registry");
        String unit = r.get("home_unit_code");
        String sexText = r.get("sex");
        String nationalId = r.get("national_id");
        String name = r.get("full_name");
        if (name == null && (r.get("first_name") != null || r.get("last_name") != null)) {
            name = (r.get("first_name") == null ? "" : r.get("first_name")) + " "
                    + (r.get("last_name") == null ? "" : r.get("last_name"));
        }
        String birthText = r.get("birth_year");
        String departureText = r.get("departure_on");
        String returnText = r.get("returned_on");
        String registeredText = r.get("registered_on");
        // a registry column is optional: without one, a return date makes a returnee
        String registry = registryText != null
                ? registryText.toLowerCase(Locale.ROOT)
                : returnText != null ? "returnee" : "migrant";
        if (unit == null) {
            throw new RowRejected(Rule.REQUIRED, "home_unit_code is empty");
        }
        if (sexText == null) {
            throw new RowRejected(Rule.REQUIRED, "sex is empty");
        }
        if (nationalId == null && (name == null || birthText == null)) {
            throw new RowRejected(
                    Rule.REQUIRED,
                    "national_id is empty, and the name with the birth year that would stand in for it is"
                            + " incomplete: the person cannot be identified");
        }
        if (registry.equals("returnee") && returnText == null) {
            throw new RowRejected(Rule.REQUIRED, "returned_on is empty for a returnee");
        }
        if (!REGISTRIES.contains(registry)) {
            throw new RowRejected(
                    Rule.BAD_VALUE,
                    "registry '" + registryText + "' is not migrant or returnee (map it in the mapping's values:)");
        }
        String sex = sexText.toUpperCase(Locale.ROOT);
        if (!SEXES.contains(sex)) {
            throw new RowRejected(
                    Rule.BAD_VALUE, "sex '" + sexText + "' is not M, F or X (map it in the mapping's values:)");
        }
        LocalDate departure = departureText == null ? null : f.date("departure_on", departureText);
        LocalDate returned = returnText == null ? null : f.date("returned_on", returnText);
        LocalDate registered = registeredText == null ? null : f.date("registered_on", registeredText);
        LocalDate recordOn = registered != null ? registered : returned != null ? returned : departure;
        if (recordOn == null) {
            throw new RowRejected(
                    Rule.REQUIRED, "registered_on is empty, and no departure or return date dates the record");
        }
        Integer birthYear = birthText == null ? null : (int) f.integer("birth_year", birthText);
        if (birthYear != null
                && (birthYear > recordOn.getYear() - MIN_AGE || birthYear < recordOn.getYear() - MAX_AGE)) {
            throw new RowRejected(
                    Rule.IMPLAUSIBLE_BIRTH_YEAR,
                    "birth_year " + birthYear + " makes the person " + (recordOn.getYear() - birthYear)
                            + " years old on " + recordOn + " (plausible: " + MIN_AGE + " to " + MAX_AGE + ")");
        }
        if (departure != null && returned != null && returned.isBefore(departure)) {
            throw new RowRejected(
                    Rule.RETURN_BEFORE_DEPARTURE, "returned_on " + returned + " is before departure_on " + departure);
        }
        String destinationText = r.get("destination_country");
        String destination = destinationText == null
                ? null
                : IsoCodes.country("destination_country", destinationText.toUpperCase(Locale.ROOT));
        String unitCode = gazetteer.check("home_unit_code", unit, recordOn);
        String recordId = r.get("record_id");
        if (recordId != null) {
            Long earlier = recordIds.putIfAbsent(registry + '\u0001' + recordId, r.line());
            if (earlier != null) {
                throw new RowRejected(
                        Rule.DUPLICATE_IN_FILE, "record_id " + recordId + " was already accepted at line " + earlier);
            }
        }
        Pseudonymiser.Person person = pseudonymiser.person(nationalId, name, birthYear, unitCode);
        if (person == null) {
            throw new RowRejected(
                    Rule.REQUIRED, "the name is empty once punctuation is removed: the person cannot be identified");
        }
        return List.of(new RegistryPerson(
                person.id(),
                person.basis(),
                pseudonymiser.keyVersion(),
                recordId,
                registry,
                sex,
                birthYear,
                unitCode,
                destination,
                departure,
                returned,
                r.get("occupation"),
                registered,
                recordOn,
                String.valueOf(recordOn.getYear()),
                sourceId(r, "home_unit_code"),
                r.file(),
                r.line()));
    }
}
