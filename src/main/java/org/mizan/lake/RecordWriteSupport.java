package org.mizan.lake;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes the lake's flat Avro records to Parquet with one precompiled writer per field. The Parquet schema and
 * the {@code parquet.avro.schema} footer are exactly parquet-avro's, so parquet-avro, DuckDB and Spark read the
 * files as Avro-written ones; what goes is parquet-avro's per-value schema walk, which cost half the write time
 * of a five-million-row load (bench/README.md).
 *
 * <p>The file's schema may leave out fields of the record's ({@link Dataset#fileSchema()}: the partition column
 * {@code period}, which the folder names): each field written is taken from the record by its name.
 */
final class RecordWriteSupport extends WriteSupport<SpecificRecord> {

    /** How one field's value reaches the record consumer. */
    private interface FieldWriter {
        void write(RecordConsumer c, Object value);
    }

    private final Schema schema;
    private final MessageType parquetSchema;
    private final String[] names;
    private final FieldWriter[] writers;
    /** For each field of the file, the position of its value in the record. */
    private final int[] positions;

    private RecordConsumer consumer;

    /** Writes every field of {@code schema}. */
    RecordWriteSupport(Schema schema) {
        this(schema, schema);
    }

    /** Writes the fields of {@code fileSchema}, taken by name from records of {@code recordSchema}. */
    RecordWriteSupport(Schema recordSchema, Schema fileSchema) {
        this.schema = fileSchema;
        this.parquetSchema = new AvroSchemaConverter(new Configuration(false)).convert(fileSchema);
        List<Schema.Field> fields = fileSchema.getFields();
        this.names = new String[fields.size()];
        this.writers = new FieldWriter[fields.size()];
        this.positions = new int[fields.size()];
        for (Schema.Field f : fields) {
            names[f.pos()] = f.name();
            writers[f.pos()] = writerFor(nonNull(f.schema()), f.name());
            positions[f.pos()] = recordSchema.getField(f.name()).pos();
        }
    }

    private static Schema nonNull(Schema s) {
        if (s.getType() != Schema.Type.UNION) {
            return s;
        }
        for (Schema branch : s.getTypes()) {
            if (branch.getType() != Schema.Type.NULL) {
                return branch;
            }
        }
        throw new IllegalArgumentException("a union of nulls only");
    }

    private static FieldWriter writerFor(Schema s, String name) {
        LogicalType logical = s.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal d) {
            int scale = d.getScale();
            return (c, v) -> c.addBinary(Binary.fromConstantByteArray(
                    ((BigDecimal) v).setScale(scale).unscaledValue().toByteArray()));
        }
        if (logical instanceof LogicalTypes.Date) {
            return (c, v) -> c.addInteger((int) ((LocalDate) v).toEpochDay());
        }
        if (logical instanceof LogicalTypes.TimestampMicros) {
            return (c, v) -> {
                Instant i = (Instant) v;
                c.addLong(Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1_000));
            };
        }
        return switch (s.getType()) {
            // the same bytes as Binary.fromString, without the ByteBuffer it wraps them in for each value
            case STRING ->
                (c, v) -> c.addBinary(
                        Binary.fromConstantByteArray(v.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            case INT -> (c, v) -> c.addInteger((Integer) v);
            case LONG -> (c, v) -> c.addLong((Long) v);
            case DOUBLE -> (c, v) -> c.addDouble((Double) v);
            case BOOLEAN -> (c, v) -> c.addBoolean((Boolean) v);
            default ->
                throw new IllegalArgumentException(
                        "field " + name + ": type " + s.getType() + " is not used by the lake's flat records");
        };
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return context();
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return context();
    }

    private WriteContext context() {
        Map<String, String> meta = new HashMap<>();
        meta.put("parquet.avro.schema", schema.toString());
        meta.put("writer.model.name", "avro");
        return new WriteContext(parquetSchema, meta);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(SpecificRecord record) {
        consumer.startMessage();
        for (int i = 0; i < writers.length; i++) {
            Object v = record.get(positions[i]);
            if (v != null) {
                consumer.startField(names[i], i);
                writers[i].write(consumer, v);
                consumer.endField(names[i], i);
            }
        }
        consumer.endMessage();
    }
}
