package org.mizan.jobs.ledgers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.mizan.approval.LoadLock;
import org.mizan.jobs.ingest.IngestContext;
import org.mizan.jobs.ingest.IngestSteps;
import org.mizan.jobs.ingest.MultiDatasetStagingWriter;
import org.mizan.jobs.ingest.PublishDatasetsTasklet;
import org.mizan.jobs.ingest.StandardIngestJob;
import org.mizan.lake.Dataset;
import org.mizan.lake.LakeReader;
import org.mizan.normalise.IatiActivityNormaliser;
import org.mizan.normalise.Outcome;
import org.mizan.normalise.UnitTree;
import org.mizan.schema.AdminUnit;
import org.mizan.source.iati.IatiActivity;
import org.mizan.source.iati.IatiActivityReader;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Job {@code ingest-ledgers}: project ledgers. IATI activity XML (format 5) and IATI code lists are read by
 * streaming XML readers into several datasets at once; the local-authority ledger CSV (format 6) and national
 * plan allocations (format 7) go through the mappings and steps every CSV source shares.
 */
@Configuration(proxyBeanMethods = false)
public class IngestLedgersJobConfiguration {

    public static final String NAME = "ingest-ledgers";
    /** The mapping formats read here rather than by the shared line-based sources. */
    public static final String IATI_XML = "iati_xml";

    public static final String IATI_CODELIST = "iati_codelist";
    static final List<Dataset> IATI_DATASETS =
            List.of(Dataset.PROJECTS, Dataset.PROJECT_SECTORS, Dataset.PROJECT_PLACES, Dataset.FUNDING_ENTRIES);
    static final List<Dataset> CODELIST_DATASETS = List.of(Dataset.CODE_LIST_ITEMS);
    /** Activities per chunk: each chunk's activities are in memory together, so keep it small. */
    static final int CHUNK = 100;

    @Bean
    Job ingestLedgersJob(
            StandardIngestJob jobs,
            @Qualifier("ingestLedgersStep") Step ingest,
            @Qualifier("publishLedgersStep") Step publish) {
        return jobs.named(NAME, ingest, publish);
    }

    /** The XML readers' step for an XML format, else the shared ingest step (CSV through its mapping). */
    @Bean
    @JobScope
    Step ingestLedgersStep(
            JobRepository repository,
            PlatformTransactionManager tx,
            IngestContext context,
            @Qualifier("ingestStep") Step shared) {
        String format = context.mapping().format();
        if (IATI_XML.equals(format)) {
            IatiActivityNormaliser normaliser = new IatiActivityNormaliser(
                    context.file().getFileName().toString(),
                    unitTree(context),
                    context.mapping().sourceId());
            return new StepBuilder(IngestSteps.INGEST, repository)
                    .<IatiActivity, Outcome>chunk(CHUNK)
                    .transactionManager(tx)
                    .reader(new FileItemReader<>(context.file(), IatiActivityReader::new, IatiActivityReader::next))
                    .processor(normaliser::normalise)
                    .writer(new MultiDatasetStagingWriter(context, IATI_DATASETS))
                    .build();
        }
        if (IATI_CODELIST.equals(format)) {
            return new StepBuilder(IngestSteps.INGEST, repository)
                    .<Outcome, Outcome>chunk(1000)
                    .transactionManager(tx)
                    .reader(CodeListItems.reader(context.file()))
                    .writer(new MultiDatasetStagingWriter(context, CODELIST_DATASETS))
                    .build();
        }
        return shared;
    }

    @Bean
    @JobScope
    Step publishLedgersStep(
            JobRepository repository,
            PlatformTransactionManager tx,
            IngestContext context,
            @Qualifier("publishLakeStep") Step shared,
            ObjectProvider<LoadLock> lock) {
        String format = context.mapping().format();
        if (IATI_XML.equals(format) || IATI_CODELIST.equals(format)) {
            return new StepBuilder(IngestSteps.PUBLISH_LAKE, repository)
                    .tasklet(
                            new PublishDatasetsTasklet(
                                    context,
                                    IATI_XML.equals(format) ? IATI_DATASETS : CODELIST_DATASETS,
                                    repository,
                                    lock.getIfAvailable()),
                            tx)
                    .build();
        }
        return shared;
    }

    /** The gazetteer's hierarchy as the lake holds it (empty when none is loaded: places fall back to countries). */
    static UnitTree unitTree(IngestContext context) {
        UnitTree tree = new UnitTree();
        try {
            new LakeReader(context.lake()).forEach(Dataset.ADMIN_UNITS, r -> {
                AdminUnit u = (AdminUnit) r;
                tree.add(u.getUnitCode(), u.getParentCode());
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gazetteer from the lake", e);
        }
        return tree;
    }
}
