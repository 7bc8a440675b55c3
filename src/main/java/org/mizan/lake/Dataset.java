package org.mizan.lake;

import java.util.List;
import org.apache.avro.Schema;
import org.mizan.schema.AdminUnit;
import org.mizan.schema.CodeListItem;
import org.mizan.schema.CorridorAggregate;
import org.mizan.schema.CorridorCost;
import org.mizan.schema.FundingEntry;
import org.mizan.schema.FxRate;
import org.mizan.schema.PlanAllocation;
import org.mizan.schema.Project;
import org.mizan.schema.ProjectPlace;
import org.mizan.schema.ProjectSector;
import org.mizan.schema.RegistryPerson;
import org.mizan.schema.RemittanceTransaction;
import org.mizan.schema.ServiceDelivery;

/** The lake's datasets: a folder each, named as the Avro schema's dataset, holding Hive-style partitions. */
public enum Dataset {
    ADMIN_UNITS("admin_units", AdminUnit.getClassSchema(), "source_line"),
    FX_RATES("fx_rates", FxRate.getClassSchema(), "per_usd", "source_line"),
    REMITTANCE_TRANSACTIONS(
            "remittance_transactions",
            RemittanceTransaction.getClassSchema(),
            "txn_id",
            "sent_at",
            "amount",
            "fee",
            "fx_margin_pct",
            "source_line"),
    CORRIDOR_AGGREGATES(
            "corridor_aggregates", CorridorAggregate.getClassSchema(), "amount_usd", "txn_count", "source_line"),
    CORRIDOR_COSTS("corridor_costs", CorridorCost.getClassSchema(), "avg_cost_pct", "source_line"),
    PROJECTS("projects", Project.getClassSchema(), "project_id", "title", "source_line"),
    PROJECT_SECTORS("project_sectors", ProjectSector.getClassSchema(), "source_line"),
    PROJECT_PLACES("project_places", ProjectPlace.getClassSchema(), "source_line"),
    FUNDING_ENTRIES("funding_entries", FundingEntry.getClassSchema(), "amount", "source_line"),
    PLAN_ALLOCATIONS("plan_allocations", PlanAllocation.getClassSchema(), "planned_amount", "source_line"),
    CODE_LIST_ITEMS("code_list_items", CodeListItem.getClassSchema(), "source_line"),
    REGISTRY_PEOPLE("registry_people", RegistryPerson.getClassSchema(), "person_id", "source_line"),
    SERVICE_DELIVERIES(
            "service_deliveries", ServiceDelivery.getClassSchema(), "service_id", "person_id", "source_line");

    /** The datasets whose records hold a person_id: what a key rotation rewrites. */
    public static final List<Dataset> WITH_PERSON_IDS = List.of(REGISTRY_PEOPLE, SERVICE_DELIVERIES);

    /**
     * The record field a partition folder names ({@code period=…}): stored in the folder's name only, as Hive,
     * Spark and Trino expect, never again inside the files (docs in README.md, "Reading the lake from other
     * engines"). The other folder level, {@code source=…}, names the record's {@code source_id}, which the files keep.
     */
    public static final String PARTITION_FIELD = "period";

    private final String folder;
    private final Schema schema;
    private final Schema fileSchema;
    private final List<String> uniqueColumns;

    Dataset(String folder, Schema schema, String... uniqueColumns) {
        this.folder = folder;
        this.schema = schema;
        this.fileSchema = withoutPartitionField(schema);
        this.uniqueColumns = List.of(uniqueColumns);
    }

    private static Schema withoutPartitionField(Schema schema) {
        List<Schema.Field> fields = new java.util.ArrayList<>();
        for (Schema.Field f : schema.getFields()) {
            if (!f.name().equals(PARTITION_FIELD)) {
                fields.add(new Schema.Field(f, f.schema()));
            }
        }
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    /** The schema of the dataset's lake files: the record's, less the partition field (its folder names it). */
    public Schema fileSchema() {
        return fileSchema;
    }

    /**
     * Columns whose values hardly repeat (ids, instants, amounts): written without a dictionary, which for them
     * only costs hashing time and a dictionary buffer per open partition.
     */
    public List<String> uniqueColumns() {
        return uniqueColumns;
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
