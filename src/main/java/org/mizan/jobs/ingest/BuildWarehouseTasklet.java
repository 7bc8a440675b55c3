package org.mizan.jobs.ingest;

import org.mizan.config.MizanHome;
import org.mizan.warehouse.Warehouse;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
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
        // hand the memory the ingest used back before DuckDB takes its own share of the machine
        System.gc();
        var built = new Warehouse(home).rebuild();
        chunkContext.getStepContext().getStepExecution().getExecutionContext().putString("warehouse", built.toString());
        return RepeatStatus.FINISHED;
    }
}
