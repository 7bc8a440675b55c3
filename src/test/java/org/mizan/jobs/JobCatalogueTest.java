package org.mizan.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mizan.config.UsageException;
import org.mizan.lake.Dataset;

/** The job catalogue: found from the job packages' descriptors, and what the commands ask of it. */
class JobCatalogueTest {

    @Test
    void theCatalogueHasTheJobPackagesDescriptorsByName() {
        // when
        JobCatalogue catalogue = JobCatalogue.standard();

        // then: one entry per job package that loads files, in alphabetical order
        assertThat(catalogue.names())
                .containsExactly(
                        "ingest-ledgers", "ingest-registries", "ingest-remittances", "load-fx-rates", "load-gazetteer");
        assertThat(catalogue.partitionJobs()).isEqualTo(catalogue.names());
        assertThat(catalogue.require("load-gazetteer").datasets()).containsExactly("admin_units");
        assertThat(catalogue.require("ingest-remittances").datasets())
                .containsExactly("remittance_transactions", "corridor_aggregates", "corridor_costs");
        assertThat(catalogue.partitionedJobs()).containsExactly("ingest-remittances");
        assertThat(catalogue.require("ingest-remittances").partitionedJob()).contains("ingest-remittances-partitioned");
        assertThat(catalogue.approvalNames()).containsExactly("ledgers", "registries", "remittances");
        assertThat(catalogue.byApprovalName("registries").map(JobDescriptor::name))
                .contains("ingest-registries");
        assertThat(catalogue.byApprovalName("fx")).isEmpty();
    }

    @Test
    void everyJobLoadsDatasetsOfTheLakeThatNoOtherJobLoadsAndHasAHelpLineThatFits() {
        List<String> seen = new ArrayList<>();
        for (JobDescriptor job : JobCatalogue.standard().jobs()) {
            assertThat(job.datasets()).as(job.name()).isNotEmpty();
            for (String dataset : job.datasets()) {
                assertThat(Dataset.of(dataset).folder()).isEqualTo(dataset);
                assertThat(seen).as(dataset + " of " + job.name()).doesNotContain(dataset);
                seen.add(dataset);
            }
            // 80 columns: two spaces, the name column (18), two spaces, the line
            assertThat(job.help().length()).as(job.help()).isLessThanOrEqualTo(58);
        }
        assertThat(seen).hasSize(13);
    }

    @Test
    void anUnknownJobIsAUsageErrorListingTheJobs() {
        assertThatThrownBy(() -> DefaultMappings.detect("ingest-everything", Path.of("x.csv")))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown job 'ingest-everything': choose one of [ingest-ledgers, ingest-registries,"
                        + " ingest-remittances, load-fx-rates, load-gazetteer]");
    }

    @Test
    void theDefaultMappingIsTheDescriptorsAndAMappingMustLoadOneOfTheJobsDatasets() {
        assertThat(DefaultMappings.detect("load-fx-rates", Path.of("any.csv"))).isEqualTo("defaults/fx-rates");
        assertThat(DefaultMappings.detect("load-gazetteer", Path.of("any.csv"))).isEqualTo("defaults/admin-units");
        assertThat(DefaultMappings.detect("ingest-remittances", Path.of("feed.jsonl.gz")))
                .isEqualTo("defaults/remittances-jsonl");
        assertThatThrownBy(() -> DefaultMappings.check("load-fx-rates", "defaults/remittances"))
                .isInstanceOf(UsageException.class)
                .hasMessage("mapping 'defaults/remittances' loads remittance_transactions, which job load-fx-rates"
                        + " does not load (it loads [fx_rates])");
    }

    @Test
    void twoDescriptorsOfOneNameAreRefused() {
        JobDescriptor a = JobCatalogue.standard().require("load-fx-rates");
        assertThatThrownBy(() -> new JobCatalogue(List.of(a, a)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("two job descriptors name the job 'load-fx-rates'");
    }
}
