package org.mizan.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.mizan.schema.FxRate;
import org.mizan.schema.RemittanceTransaction;

/** The spill's own codec writes exactly Avro's bytes, and reads back exactly Avro's records. */
class SpillCodecTest {

    private static RemittanceTransaction txn(String locality, BigDecimal margin, String sentAt) {
        return new RemittanceTransaction(
                "T-1",
                "MTO-001",
                Instant.parse(sentAt),
                -210,
                LocalDate.parse(sentAt.substring(0, 10)),
                sentAt.substring(0, 7),
                "QA",
                "NP-P1-DHA-M01",
                locality,
                new BigDecimal("1250.5000"),
                "QAR",
                new BigDecimal("-0.0001"),
                margin,
                "mto",
                "MTO-001",
                "feed ü.csv",
                123_456_789_012L);
    }

    @Test
    void writesAvrosBytesAndReadsAvrosRecords() throws Exception {
        // given: nulls and values in the unions, a negative decimal, an instant before 1970 with micros
        List<SpecificRecord> records = new ArrayList<>();
        records.add(txn(null, null, "2024-03-02T06:14:00.123456Z"));
        records.add(txn("Kathmandu", new BigDecimal("2.7500"), "1969-12-31T23:59:59.999999Z"));
        var fx = new FxRate();
        for (org.apache.avro.Schema.Field f : FxRate.getClassSchema().getFields()) {
            // every field with a value of its type, so the test follows the schema
            Object v = sample(f.schema());
            fx.put(f.pos(), v);
        }
        records.add(fx);

        for (SpecificRecord r : records) {
            // when
            SpillCodec codec = new SpillCodec(r.getSchema());
            byte[] ours = encode(r, codec, null);
            byte[] avros = encode(r, null, new SpecificDatumWriter<>(r.getSchema(), AvroModel.get()));

            // then
            assertThat(ours).isEqualTo(avros);
            BinaryDecoder d = DecoderFactory.get().binaryDecoder(ours, null);
            SpecificRecord back = codec.read(d);
            SpecificRecord avroBack = new SpecificDatumReader<SpecificRecord>(
                            r.getSchema(), r.getSchema(), AvroModel.get())
                    .read(null, DecoderFactory.get().binaryDecoder(avros, null));
            assertThat(back).isEqualTo(avroBack).isEqualTo(r);
        }
    }

    private static Object sample(org.apache.avro.Schema s) {
        if (s.getType() == org.apache.avro.Schema.Type.UNION) {
            return sample(s.getTypes().get(1));
        }
        if (s.getLogicalType() instanceof org.apache.avro.LogicalTypes.Decimal d) {
            return new BigDecimal("12.5").setScale(d.getScale());
        }
        if (s.getLogicalType() instanceof org.apache.avro.LogicalTypes.Date) {
            return LocalDate.of(2024, 2, 29);
        }
        if (s.getLogicalType() instanceof org.apache.avro.LogicalTypes.TimestampMicros) {
            return Instant.parse("2024-02-29T10:00:00.000001Z");
        }
        return switch (s.getType()) {
            case STRING -> "x";
            case INT -> 7;
            case LONG -> 8L;
            case DOUBLE -> 0.1;
            case BOOLEAN -> true;
            default -> throw new IllegalArgumentException(s.toString());
        };
    }

    private static byte[] encode(SpecificRecord r, SpillCodec codec, SpecificDatumWriter<SpecificRecord> avro)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder e = EncoderFactory.get().binaryEncoder(out, null);
        if (codec != null) {
            codec.write(r, e);
        } else {
            avro.write(r, e);
        }
        e.flush();
        return out.toByteArray();
    }
}
