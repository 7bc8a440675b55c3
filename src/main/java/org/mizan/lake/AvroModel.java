package org.mizan.lake;

import org.apache.avro.Conversions;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.specific.SpecificData;

/** The Avro data model with the logical types the schemas use (decimal, date, timestamp-micros). */
public final class AvroModel {

    private static final SpecificData MODEL = build();

    private AvroModel() {}

    public static SpecificData get() {
        return MODEL;
    }

    private static SpecificData build() {
        SpecificData model = new SpecificData();
        model.addLogicalTypeConversion(new Conversions.DecimalConversion());
        model.addLogicalTypeConversion(new TimeConversions.DateConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        return model;
    }
}
