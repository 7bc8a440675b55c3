package org.mizan.pseudonym;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a person's identifying data into a {@code person_id}: HMAC-SHA-256 of the normalised national ID (or
 * passport number), else of the normalised name + birth year + home unit, through the key chain
 * ({@link PseudonymKeys}). The clear values are used here and dropped; this class never logs or keeps them.
 */
public final class Pseudonymiser {

    /** A person_id and what it was computed from ({@code national_id} or {@code name_birth_unit}). */
    public record Person(String id, String basis) {}

    public static final String BY_NATIONAL_ID = "national_id";
    public static final String BY_NAME_BIRTH_UNIT = "name_birth_unit";

    private final List<PseudonymKeys.Key> chain;
    private final int version;
    private final Mac[] macs;

    public Pseudonymiser(PseudonymKeys keys) {
        this.chain = keys.chain();
        this.version = keys.currentVersion();
        this.macs = new Mac[chain.size()];
        for (int i = 0; i < chain.size(); i++) {
            macs[i] = mac(chain.get(i).secret());
        }
    }

    static Mac mac(byte[] key) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    public int keyVersion() {
        return version;
    }

    /**
     * The person of a record: by national ID when there is one, else by name + birth year + home unit; null when
     * neither can be formed (no ID, and no name or no birth year).
     */
    public Person person(String nationalId, String name, Integer birthYear, String homeUnit) {
        String id = nationalId == null ? "" : normaliseId(nationalId);
        if (!id.isEmpty()) {
            return new Person(hash("id:" + id), BY_NATIONAL_ID);
        }
        String n = name == null ? "" : normaliseName(name);
        if (n.isEmpty() || birthYear == null || homeUnit == null) {
            return null;
        }
        return new Person(
                hash("nb:" + n + "|" + birthYear + "|" + homeUnit.toUpperCase(Locale.ROOT)), BY_NAME_BIRTH_UNIT);
    }

    /** The person_id of a national ID or passport number alone (a service's beneficiary); null when empty. */
    public String ofNationalId(String nationalId) {
        String id = nationalId == null ? "" : normaliseId(nationalId);
        return id.isEmpty() ? null : hash("id:" + id);
    }

    /** ID numbers compared without case, spaces or punctuation: "a 123-4567" is "A1234567". */
    static String normaliseId(String id) {
        String s = Normalizer.normalize(id, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    /**
     * Names compared without case, accents, punctuation or word order: "KARIMOV, Dalér" is "daler karimov".
     * Names in different scripts stay different (a transliteration would guess).
     */
    static String normaliseName(String name) {
        String s = Normalizer.normalize(Normalizer.normalize(name, Normalizer.Form.NFKC), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        StringBuilder letters = new StringBuilder(s.length());
        s.codePoints().forEach(c -> letters.appendCodePoint(Character.isLetterOrDigit(c) ? c : ' '));
        return Arrays.stream(letters.toString().trim().split("\\s+"))
                .filter(t -> !t.isEmpty())
                .sorted()
                .collect(Collectors.joining(" "));
    }

    private String hash(String identity) {
        byte[] h = identity.getBytes(StandardCharsets.UTF_8);
        for (Mac m : macs) {
            h = m.doFinal(h);
        }
        return HexFormat.of().formatHex(h);
    }

    /** A rotation's step: the stored person_id under the chain with {@code newKey} appended. */
    public static String rekey(Mac newKey, String personId) {
        return HexFormat.of().formatHex(newKey.doFinal(HexFormat.of().parseHex(personId)));
    }

    /** The MAC of a key, for {@link #rekey}. */
    public static Mac macOf(PseudonymKeys.Key key) {
        return mac(key.secret());
    }

    @Override
    public String toString() {
        return "Pseudonymiser[key version " + version + "]";
    }
}
