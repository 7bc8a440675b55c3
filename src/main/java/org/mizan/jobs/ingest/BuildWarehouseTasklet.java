package org.mizan.jobs.ingest;

import org.mizan.config.MizanHome;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Rebuilds the warehouse from the lake and publishes it atomically. */
public class BuildWarehouseTasklet implements Tasklet {

    private final MizanHome home;

    public BuildWarehouseTasklet(MizanHome home) {
        this.home = home;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        // hand the memory the ingest used back before DuckDB takes its own share of the machine: under the
        // launcher's options (the serial collector, MaxHeapFreeRatio=30, -XX:-ShrinkHeapInSteps, -Xms32m; G1 with
        // MaxHeapFreeRatio=30 before) the full collection also shrinks the committed heap and returns it to the system
        // (ParallelGC kept it resident: 1.9 GB peaks at national scale, bench/README.md)
        System.gc();
        String file = chunkContext
                .getStepContext()
                .getStepExecution()
                .getJobParameters()
                .getString("file");
        String own = file == null ? null : org.mizan.lake.Lake.unitOf(java.nio.file.Path.of(file));
        var outcome = new org.mizan.warehouse.BuildQuarantine(home).rebuild(own);
        var ctx = chunkContext.getStepContext().getStepExecution().getExecutionContext();
        ctx.putString("warehouse", outcome.built().toString());
        if (outcome.held() != null) {
            if (outcome.held().unit().equals(own)) {
                // this load's own rows: the warehouse was rebuilt without them, and the run fails saying so
                throw new IllegalStateException(outcome.held().reason());
            }
            ctx.putString("quarantined", outcome.held().reason());
        }
        return RepeatStatus.FINISHED;
    }
}
