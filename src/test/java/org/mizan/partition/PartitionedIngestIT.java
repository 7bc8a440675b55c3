package org.mizan.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mizan.MizanCli;

/**
 * The partitioned ingest on this machine's threads (no broker): a delivery of three files, and one large file cut
 * into ranges of whole lines, give the rows, the sums of amount_usd per unit and month, and the rejects (file,
 * line, rule, message) of a single-node run of the same files in turn, duplicates across partitions included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartitionedIngestIT {

    private PartitionedDelivery input;
    private MizanCli single;

    /** A home with the single node's gazetteer and FX rates, before any load of the delivery. */
    private MizanCli threads;

    @BeforeAll
    void singleNode() throws Exception {
        input = PartitionedDelivery.generate();
        single = input.single();
        threads = input.home("threads");
    }

    @Test
    void aDeliveryOfThreeFilesOnThreadsEqualsTheFilesLoadedInTurn() throws Exception {
        MizanCli cli = threads;
        List<String> args = new ArrayList<>(List.of("run", "ingest-remittances"));
        input.files.forEach(f -> args.add("file=" + f));
        args.add("--threads");
        args.add("2");
        args.add("--partition-size");
        args.add("40k");
        MizanCli.Result r = cli.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("3000 lines read: 2995 transactions stored, 5 rejected");
        assertThat(PartitionedDelivery.sums(cli)).isEqualTo(PartitionedDelivery.sums(single));
        TreeSet<String> rejects = PartitionedDelivery.rejects(cli);
        assertThat(rejects).isEqualTo(PartitionedDelivery.rejects(single));
        assertThat(rejects).hasSize(5);
        assertThat(String.join("\n", rejects))
                .contains("mto_2024_part1.csv|951|duplicate_in_file|")
                .contains("mto_2024_part2.csv|102|duplicate_loaded|")
                .contains("mto_2024_part2.csv|902|duplicate_loaded|");
    }
}
