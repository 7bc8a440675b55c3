package org.mizan.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mizan.config.MizanHome;

class PseudonymiserTest {

    private static final String ZERO = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    private static final String ONES = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";

    @TempDir
    Path home;

    @AfterEach
    void clear() {
        System.clearProperty(PseudonymKeys.PROPERTY);
    }

    private Pseudonymiser with(String chain) {
        System.setProperty(PseudonymKeys.PROPERTY, chain);
        return new Pseudonymiser(PseudonymKeys.of(new MizanHome(home)));
    }

    @Test
    void hmacSha256OfTheNormalisedIdMatchesAnIndependentComputation() {
        // python3: hmac.new(bytes(32), b'id:A1234567', hashlib.sha256).hexdigest()
        Pseudonymiser p = with(ZERO);
        assertThat(p.ofNationalId("A1234567"))
                .isEqualTo("3810a79362951018a2e0dfbd25e3892117c9ea99c1faddc8ed928351426af4ee");
        assertThat(p.ofNationalId("a 123-4567")).isEqualTo(p.ofNationalId("A1234567"));
        assertThat(p.person("A1234567", "Anyone", 1900, "X"))
                .isEqualTo(new Pseudonymiser.Person(p.ofNationalId("A1234567"), "national_id"));
    }

    @Test
    void withoutAnIdTheNameBirthYearAndHomeUnitIdentify() {
        // python3: hmac(ones, hmac(zero, b'nb:daler karimov|1994|TJ-SU-PNJ-J04').digest()).hexdigest(): a chain of two
        // keys
        Pseudonymiser p = with("v1:" + ZERO + ",v2:" + ONES);
        assertThat(p.keyVersion()).isEqualTo(2);
        Pseudonymiser.Person a = p.person(null, "KARIMOV,  Dalér", 1994, "tj-su-pnj-j04");
        assertThat(a)
                .isEqualTo(new Pseudonymiser.Person(
                        "bf261dde836edb1660b9f8e27d78558fc26d09b11d92aec0a9685a75aa414997", "name_birth_unit"));
        assertThat(p.person("", "Daler Karimov", 1994, "TJ-SU-PNJ-J04")).isEqualTo(a);
        assertThat(p.person(null, "Daler Karimov", 1995, "TJ-SU-PNJ-J04")).isNotEqualTo(a);
        assertThat(p.person(null, "Daler Karimov", 1994, "TJ-SU-PNJ-J05")).isNotEqualTo(a);
        assertThat(p.person(null, "Daler Karimov", null, "TJ-SU-PNJ-J04")).isNull();
        assertThat(p.person(" - ", "", 1994, "TJ-SU-PNJ-J04")).isNull();
    }

    @Test
    void reKeyingAStoredIdEqualsHashingWithTheLongerChain() {
        Pseudonymiser one = with(ZERO);
        String stored = one.ofNationalId("A7654321");
        Pseudonymiser two = with("v1:" + ZERO + ",v2:" + ONES);
        String rekeyed = Pseudonymiser.rekey(
                Pseudonymiser.macOf(
                        new PseudonymKeys.Key(2, java.util.Base64.getDecoder().decode(ONES))),
                stored);
        assertThat(rekeyed).isEqualTo(two.ofNationalId("A7654321")).isNotEqualTo(stored);
    }

    @Test
    void theKeyFileIsCreatedOnceOwnerOnlyAndNeverPrinted() throws Exception {
        PseudonymKeys first = PseudonymKeys.of(new MizanHome(home));
        Path file = home.resolve("keys/pseudonym.keys");
        assertThat(first.file()).isEqualTo(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        PseudonymKeys again = PseudonymKeys.of(new MizanHome(home));
        assertThat(again.chain().get(0).secret()).isEqualTo(first.chain().get(0).secret());
        String secret = java.util.Base64.getEncoder()
                .encodeToString(first.chain().get(0).secret());
        assertThat(first.toString()).doesNotContain(secret).contains("versions 1..1");
        assertThat(new Pseudonymiser(first).toString()).doesNotContain(secret);
    }

    @Test
    void aShortOrGarbledKeyIsRefusedWithWhatToDo() {
        System.setProperty(PseudonymKeys.PROPERTY, "c2hvcnQ=");
        assertThatThrownBy(() -> PseudonymKeys.of(new MizanHome(home)))
                .hasMessageContaining("has 5 bytes: give at least 16");
        System.setProperty(PseudonymKeys.PROPERTY, "not base64!");
        assertThatThrownBy(() -> PseudonymKeys.of(new MizanHome(home))).hasMessageContaining("openssl rand -base64 32");
    }
}
