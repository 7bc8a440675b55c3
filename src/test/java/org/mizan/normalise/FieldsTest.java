package org.mizan.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.mizan.source.MappingLoader;

/** Typed reads: decimals with either separator and a bounded scale, ISO timestamps with offsets, ISO codes. */
class FieldsTest {

    private final Fields dot = new Fields(MappingLoader.load("defaults/remittances"));
    private final Fields comma = new Fields(MappingLoader.load("remittances/dushanbe-express"));

    @Test
    void decimalsAreExactAndTheirScaleIsChecked() {
        assertThat(dot.decimal("amount", "1500.5", 4)).isEqualTo(new BigDecimal("1500.5000"));
        assertThat(dot.decimal("amount", "-3", 4)).isEqualTo(new BigDecimal("-3.0000"));
        assertThat(comma.decimal("amount", "15000,50", 4)).isEqualTo(new BigDecimal("15000.5000"));
        assertThatThrownBy(() -> dot.decimal("amount", "1,500.00", 4))
                .isInstanceOf(RowRejected.class)
                .hasMessage("amount '1,500.00' is not a decimal number");
        assertThatThrownBy(() -> comma.decimal("amount", "1.500,00", 4))
                .hasMessage("amount '1.500,00' is not a decimal number with ',' as separator");
        assertThatThrownBy(() -> dot.decimal("fee", "0.123456", 4))
                .hasMessage("fee '0.123456' has more than 4 decimal places");
        assertThatThrownBy(() -> dot.decimal("fee", "1e5", 4))
                .extracting(e -> ((RowRejected) e).rule())
                .isEqualTo(Rule.BAD_NUMBER);
        assertThatThrownBy(() -> dot.decimal("fee", ".", 4))
                .extracting(e -> ((RowRejected) e).rule())
                .isEqualTo(Rule.BAD_NUMBER);
    }

    @Test
    void timestampsNeedAnOffsetUnlessTheMappingGivesAZone() {
        assertThat(dot.timestamp("sent_at", "2024-03-02T09:14:00+03:00")
                        .toInstant()
                        .toString())
                .isEqualTo("2024-03-02T06:14:00Z");
        assertThatThrownBy(() -> dot.timestamp("sent_at", "2024-03-02T09:14:00"))
                .hasMessageContaining("is not ISO 8601 with an offset");
        assertThatThrownBy(() -> dot.timestamp("sent_at", "2024-02-30T10:00:00Z"))
                .extracting(e -> ((RowRejected) e).rule())
                .isEqualTo(Rule.BAD_TIMESTAMP);
        // Dushanbe is UTC+5 all year
        assertThat(comma.timestamp("sent_at", "01.03.2024 01:00").toInstant().toString())
                .isEqualTo("2024-02-29T20:00:00Z");
        assertThatThrownBy(() -> comma.timestamp("sent_at", "31.02.2024 01:00"))
                .hasMessage("sent_at '31.02.2024 01:00' is not in the pattern dd.MM.yyyy HH:mm");
    }

    @Test
    void isoCodesAreCheckedAgainstTheStandardLists() {
        assertThat(IsoCodes.country("c", "NP")).isEqualTo("NP");
        assertThat(IsoCodes.countryAlpha3("c", "TJK")).isEqualTo("TJ");
        assertThat(IsoCodes.currency("c", "NPR")).isEqualTo("NPR");
        assertThatThrownBy(() -> IsoCodes.country("sender_country", "QAT"))
                .hasMessage("sender_country 'QAT' is not an ISO 3166-1 alpha-2 country code");
        assertThatThrownBy(() -> IsoCodes.currency("currency", "QR"))
                .hasMessage("currency 'QR' is not an ISO 4217 currency code");
    }
}
