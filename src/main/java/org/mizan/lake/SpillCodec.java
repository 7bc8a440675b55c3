package org.mizan.lake;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes and decodes the lake's flat records in Avro binary for the partitioned writer's spill files, with one
 * precompiled step per field: the same bytes as Avro's {@link SpecificDatumWriter} and {@link SpecificDatumReader}
 * with {@link AvroModel}'s conversions, without their per-value schema walk and logical-type lookups (which cost
 * about as much as the Parquet encoding of a spilled row, bench/README.md). A schema with a type the lake's flat
 * records do not use is handled by Avro's own reader and writer.
 */
final class SpillCodec {

    private interface FieldCodec {
        void write(BinaryEncoder e, Object v) throws IOException;

        Object read(BinaryDecoder d) throws IOException;
    }

    private final Schema schema;
    /** Null when a field's type is not one of the flat records' (then Avro's own datum writer and reader). */
    private final FieldCodec[] fields;

    private final SpecificDatumWriter<SpecificRecord> avroWriter;
    private final SpecificDatumReader<SpecificRecord> avroReader;

    SpillCodec(Schema schema) {
        this.schema = schema;
        this.avroWriter = new SpecificDatumWriter<>(schema, AvroModel.get());
        this.avroReader = new SpecificDatumReader<>(schema, schema, AvroModel.get());
        List<Schema.Field> list = schema.getFields();
        FieldCodec[] codecs = new FieldCodec[list.size()];
        for (Schema.Field f : list) {
            FieldCodec c = codecFor(f.schema());
            if (c == null) {
                codecs = null;
                break;
            }
            codecs[f.pos()] = c;
        }
        this.fields = codecs;
    }

    void write(SpecificRecord r, BinaryEncoder e) throws IOException {
        if (fields == null) {
            avroWriter.write(r, e);
            return;
        }
        for (int i = 0; i < fields.length; i++) {
            fields[i].write(e, r.get(i));
        }
    }

    /** A new record each time: Parquet's dictionaries may keep a reference to a value. */
    SpecificRecord read(BinaryDecoder d) throws IOException {
        if (fields == null) {
            return avroReader.read(null, d);
        }
        SpecificRecord r = (SpecificRecord) AvroModel.get().newRecord(null, schema);
        for (int i = 0; i < fields.length; i++) {
            r.put(i, fields[i].read(d));
        }
        return r;
    }

    private static FieldCodec codecFor(Schema s) {
        if (s.getType() == Schema.Type.UNION) {
            List<Schema> branches = s.getTypes();
            if (branches.size() != 2) {
                return null;
            }
            int nullIndex = branches.get(0).getType() == Schema.Type.NULL
                    ? 0
                    : branches.get(1).getType() == Schema.Type.NULL ? 1 : -1;
            if (nullIndex < 0) {
                return null;
            }
            FieldCodec value = codecFor(branches.get(1 - nullIndex));
            return value == null ? null : nullable(nullIndex, value);
        }
        LogicalType logical = s.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal d && s.getType() == Schema.Type.BYTES) {
            int scale = d.getScale();
            return new FieldCodec() {
                @Override
                public void write(BinaryEncoder e, Object v) throws IOException {
                    // Avro's DecimalConversion: the unscaled value's two's-complement bytes at the schema's scale
                    e.writeBytes(
                            ((BigDecimal) v).setScale(scale).unscaledValue().toByteArray());
                }

                @Override
                public Object read(BinaryDecoder dec) throws IOException {
                    int n = dec.readInt();
                    byte[] b = new byte[n];
                    dec.readFixed(b, 0, n);
                    return new BigDecimal(new BigInteger(b), scale);
                }
            };
        }
        if (logical instanceof LogicalTypes.Date && s.getType() == Schema.Type.INT) {
            return new FieldCodec() {
                @Override
                public void write(BinaryEncoder e, Object v) throws IOException {
                    e.writeInt((int) ((LocalDate) v).toEpochDay());
                }

                @Override
                public Object read(BinaryDecoder dec) throws IOException {
                    return LocalDate.ofEpochDay(dec.readInt());
                }
            };
        }
        if (logical instanceof LogicalTypes.TimestampMicros && s.getType() == Schema.Type.LONG) {
            return new FieldCodec() {
                @Override
                public void write(BinaryEncoder e, Object v) throws IOException {
                    Instant i = (Instant) v;
                    e.writeLong(Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1_000));
                }

                @Override
                public Object read(BinaryDecoder dec) throws IOException {
                    long micros = dec.readLong();
                    return Instant.ofEpochSecond(
                            Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
                }
            };
        }
        if (logical != null) {
            return null;
        }
        return switch (s.getType()) {
            case STRING ->
                new FieldCodec() {
                    @Override
                    public void write(BinaryEncoder e, Object v) throws IOException {
                        e.writeString(v.toString());
                    }

                    @Override
                    public Object read(BinaryDecoder dec) throws IOException {
                        return dec.readString();
                    }
                };
            case INT ->
                new FieldCodec() {
                    @Override
                    public void write(BinaryEncoder e, Object v) throws IOException {
                        e.writeInt((Integer) v);
                    }

                    @Override
                    public Object read(BinaryDecoder dec) throws IOException {
                        return dec.readInt();
                    }
                };
            case LONG ->
                new FieldCodec() {
                    @Override
                    public void write(BinaryEncoder e, Object v) throws IOException {
                        e.writeLong((Long) v);
                    }

                    @Override
                    public Object read(BinaryDecoder dec) throws IOException {
                        return dec.readLong();
                    }
                };
            case DOUBLE ->
                new FieldCodec() {
                    @Override
                    public void write(BinaryEncoder e, Object v) throws IOException {
                        e.writeDouble((Double) v);
                    }

                    @Override
                    public Object read(BinaryDecoder dec) throws IOException {
                        return dec.readDouble();
                    }
                };
            case BOOLEAN ->
                new FieldCodec() {
                    @Override
                    public void write(BinaryEncoder e, Object v) throws IOException {
                        e.writeBoolean((Boolean) v);
                    }

                    @Override
                    public Object read(BinaryDecoder dec) throws IOException {
                        return dec.readBoolean();
                    }
                };
            default -> null;
        };
    }

    private static FieldCodec nullable(int nullIndex, FieldCodec value) {
        return new FieldCodec() {
            @Override
            public void write(BinaryEncoder e, Object v) throws IOException {
                if (v == null) {
                    e.writeIndex(nullIndex);
                    e.writeNull();
                } else {
                    e.writeIndex(1 - nullIndex);
                    value.write(e, v);
                }
            }

            @Override
            public Object read(BinaryDecoder dec) throws IOException {
                if (dec.readIndex() == nullIndex) {
                    dec.readNull();
                    return null;
                }
                return value.read(dec);
            }
        };
    }
}
