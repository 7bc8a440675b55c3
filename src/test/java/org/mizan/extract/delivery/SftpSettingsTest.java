package org.mizan.extract.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SftpSettingsTest {

    private static final Function<String, String> ENV = Map.of("KOSHI_SFTP_PASSWORD", "pw-from-env")::get;

    private static Map<String, Object> koshi() {
        Map<String, Object> map = new HashMap<>();
        map.put("type", "sftp");
        map.put("host", "sftp.koshi.gov.np");
        map.put("port", 2222);
        map.put("user", "koshi");
        map.put("password-env", "KOSHI_SFTP_PASSWORD");
        map.put("host-key", "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8");
        map.put("remote-dir", "/incoming");
        map.put("timeout-seconds", "45");
        return map;
    }

    @Test
    void buildsSettingsFromAConfigMapReadingThePasswordFromTheNamedVariable() {
        // when
        SftpSettings settings = SftpSettings.fromMap(koshi(), ENV);

        // then
        assertThat(settings)
                .isEqualTo(new SftpSettings(
                        "sftp.koshi.gov.np",
                        2222,
                        "koshi",
                        "pw-from-env",
                        null,
                        "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8",
                        "/incoming",
                        Duration.ofSeconds(45)));
        assertThat(settings.describe()).isEqualTo("sftp://koshi@sftp.koshi.gov.np:2222/incoming");
        assertThat(settings.toString())
                .isEqualTo("SftpSettings[sftp://koshi@sftp.koshi.gov.np:2222/incoming,"
                        + " password=***, host-key=SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8, timeout=PT45S]");
    }

    @Test
    void aKeyFileNeedsNoPasswordAndPortAndTimeoutHaveDefaults() {
        // given
        Map<String, Object> map = Map.of(
                "host", "10.0.0.5", "user", "koshi", "key-file", "/etc/mizan/id_ed25519", "remote-dir", "incoming");

        // when
        SftpSettings settings = SftpSettings.fromMap(map, name -> null);

        // then
        assertThat(settings)
                .isEqualTo(new SftpSettings(
                        "10.0.0.5",
                        22,
                        "koshi",
                        null,
                        Path.of("/etc/mizan/id_ed25519"),
                        null,
                        "incoming",
                        Duration.ofSeconds(30)));
        assertThat(settings.describe()).isEqualTo("sftp://koshi@10.0.0.5:22/incoming");
    }

    @Test
    void aMissingKeyOrVariableOrAMisspeltKeyIsNamedWithWhatToDo() {
        Map<String, Object> noHost = koshi();
        noHost.remove("host");
        assertThatThrownBy(() -> SftpSettings.fromMap(noHost, ENV))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sftp delivery settings: required key 'host' is missing (config/extracts.yml)");

        assertThatThrownBy(() -> SftpSettings.fromMap(koshi(), name -> null))
                .hasMessage("sftp delivery settings: environment variable KOSHI_SFTP_PASSWORD (named by password-env)"
                        + " is not set: export it with the SFTP password before the run (config/extracts.yml)");

        Map<String, Object> misspelt = koshi();
        misspelt.put("hostkey", misspelt.remove("host-key"));
        assertThatThrownBy(() -> SftpSettings.fromMap(misspelt, ENV))
                .hasMessage("sftp delivery settings: unknown key(s) [hostkey]; the keys are [host, host-key, key-file,"
                        + " password-env, port, remote-dir, timeout-seconds, type, user] (config/extracts.yml)");

        Map<String, Object> noCredential = koshi();
        noCredential.remove("password-env");
        assertThatThrownBy(() -> SftpSettings.fromMap(noCredential, ENV))
                .hasMessageStartingWith("sftp delivery settings: neither a password nor a key file is given");

        Map<String, Object> md5 = koshi();
        md5.put("host-key", "MD5:16:27:ac:a5");
        assertThatThrownBy(() -> SftpSettings.fromMap(md5, ENV))
                .hasMessageStartingWith(
                        "sftp delivery settings: host-key 'MD5:16:27:ac:a5' is not a SHA256 fingerprint");

        Map<String, Object> badPort = koshi();
        badPort.put("port", "22a");
        assertThatThrownBy(() -> SftpSettings.fromMap(badPort, ENV))
                .hasMessage("sftp delivery settings: port '22a' is not a whole number");
    }
}
