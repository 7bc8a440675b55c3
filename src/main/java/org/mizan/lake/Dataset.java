package org.mizan.lake;

import org.apache.avro.Schema;
import org.mizan.schema.AdminUnit;
import org.mizan.schema.CorridorAggregate;
import org.mizan.schema.CorridorCost;
import org.mizan.schema.FxRate;
import org.mizan.schema.RemittanceTransaction;

/** The lake's datasets: a folder each, named as the Avro schema's dataset, holding Hive-style partitions. */
public enum Dataset {
    ADMIN_UNITS("admin_units", AdminUnit.getClassSchema()),
    FX_RATES("fx_rates", FxRate.getClassSchema()),
    REMITTANCE_TRANSACTIONS("remittance_transactions", RemittanceTransaction.getClassSchema()),
    CORRIDOR_AGGREGATES("corridor_aggregates", CorridorAggregate.getClassSchema()),
    CORRIDOR_COSTS("corridor_costs", CorridorCost.getClassSchema());

    private final String folder;
    private final Schema schema;

    Dataset(String folder, Schema schema) {
        this.folder = folder;
        this.schema = schema;
    }

    public String folder() {
        return folder;
    }

    public Schema schema() {
        return schema;
    }

    public static Dataset of(String name) {
        for (Dataset d : values()) {
            if (d.folder.equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown dataset '" + name + "'");
    }
}
