import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemReaderBuilder;
import org.springframework.batch.infrastructure.item.file.mapping.RecordFieldSetMapper;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.SimplePropertySqlParameterSource;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Pipeline (c) of the benchmark: the job a Spring Batch user writes first for "CSV into a database", used as
 * the peer that Mizan's ingest is compared with. It is deliberately not tuned: FlatFileItemReader with a
 * DelimitedLineTokenizer mapping to a record, JdbcBatchItemWriter with named parameters, chunk 10,000. Its
 * cost is the point (PITFALLS 6: DuckDB's JDBC executeBatch runs one statement per row).
 *
 * <pre>java -cp "$(cat /tmp/cp.txt)" bench/TextbookJob.java CSV LIMIT [DBFILE]</pre>
 *
 * LIMIT caps the rows read (maxItemCount), so that the benchmark can run it on a prefix and scale. Plain
 * Spring Batch 6 with @EnableBatchProcessing, no Spring Boot: Boot would add start-up time the peer does not
 * need, and its auto-configuration is not what is being compared.
 */
public class TextbookJob {

    /** One format-2 row. Component names double as the tokenizer's field names and the SQL's parameters. */
    public record Remittance(
            String txnId,
            String providerId,
            OffsetDateTime sentAt,
            String senderCountry,
            String receivingUnitCode,
            BigDecimal amount,
            String currency,
            BigDecimal fee,
            BigDecimal fxMarginPct,
            String channel) {}

    static String csv;
    static int limit;
    static Path duckFile;

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java -cp CLASSPATH bench/TextbookJob.java CSV LIMIT [DBFILE]");
            System.exit(2);
        }
        csv = args[0];
        limit = Integer.parseInt(args[1]);
        duckFile = Path.of(args.length > 2 ? args[2] : Files.createTempDirectory("textbook") + "/warehouse.duckdb");
        if (Files.exists(duckFile))
            throw new IllegalStateException(duckFile + " exists: the job needs a fresh database file");

        long t0 = System.nanoTime();
        try (AnnotationConfigApplicationContext ctx = new AnnotationConfigApplicationContext(BatchConfig.class)) {
            JobOperator operator = ctx.getBean(JobOperator.class);
            JobExecution execution = operator.start(
                    ctx.getBean(Job.class),
                    new JobParametersBuilder()
                            .addString("file", csv)
                            .addLong("limit", (long) limit)
                            .toJobParameters());
            double s = (System.nanoTime() - t0) / 1e9;
            long written = execution.getStepExecutions().stream()
                    .mapToLong(StepExecution::getWriteCount)
                    .sum();
            Long inTable = new JdbcTemplate(ctx.getBean("duckDataSource", DataSource.class))
                    .queryForObject("SELECT count(*) FROM remittances", Long.class);
            System.out.printf(
                    "textbook job: %s, %d items written, %d rows in DuckDB table remittances, %.2f s in-process%n",
                    execution.getStatus(), written, inTable, s);
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                execution.getAllFailureExceptions().forEach(Throwable::printStackTrace);
                System.exit(1);
            }
        }
    }

    // proxyBeanMethods=false: beans are wired through parameters, so no CGLIB subclass is needed (and none
    // could be defined in the source launcher's in-memory class loader).
    @Configuration(proxyBeanMethods = false)
    @EnableBatchProcessing
    @EnableJdbcJobRepository // looks for beans named dataSource and transactionManager: the H2 ones below
    static class BatchConfig {

        /** The job repository lives in in-memory H2: DuckDB cannot hold it (PITFALLS 1). */
        @Bean
        DataSource dataSource() {
            return new EmbeddedDatabaseBuilder()
                    .setType(EmbeddedDatabaseType.H2)
                    .generateUniqueName(true)
                    .addScript("classpath:org/springframework/batch/core/schema-h2.sql")
                    .build();
        }

        @Bean
        JdbcTransactionManager transactionManager(@Qualifier("dataSource") DataSource dataSource) {
            return new JdbcTransactionManager(dataSource);
        }

        /** The warehouse, through a pool as a Boot application would have it; one connection since DuckDB is one writer. */
        @Bean(destroyMethod = "close")
        DataSource duckDataSource() throws Exception {
            HikariConfig cfg = new HikariConfig();
            cfg.setJdbcUrl("jdbc:duckdb:" + duckFile);
            cfg.setMaximumPoolSize(1);
            HikariDataSource ds = new HikariDataSource(cfg);
            new JdbcTemplate(ds).execute("""
                    CREATE TABLE remittances (
                      txn_id VARCHAR, provider_id VARCHAR, sent_at TIMESTAMPTZ, sender_country VARCHAR,
                      receiving_unit_code VARCHAR, amount DECIMAL(18,2), currency VARCHAR, fee DECIMAL(18,2),
                      fx_margin_pct DECIMAL(6,2), channel VARCHAR)""");
            return ds;
        }

        /** The step's own transaction manager: the job repository's must not be DuckDB's (PITFALLS 4). */
        @Bean
        JdbcTransactionManager duckTransactionManager(@Qualifier("duckDataSource") DataSource duckDataSource) {
            return new JdbcTransactionManager(duckDataSource);
        }

        @Bean
        FlatFileItemReader<Remittance> reader() {
            // targetType(record) cannot convert OffsetDateTime (PITFALLS 11): give the mapper a converter.
            DefaultConversionService conversions = new DefaultConversionService();
            conversions.addConverter(
                    String.class, OffsetDateTime.class, (Converter<String, OffsetDateTime>) OffsetDateTime::parse);
            return new FlatFileItemReaderBuilder<Remittance>()
                    .name("remittanceReader")
                    .resource(new FileSystemResource(csv))
                    .linesToSkip(1)
                    .maxItemCount(limit)
                    .delimited()
                    .delimiter(",")
                    .names(
                            "txnId",
                            "providerId",
                            "sentAt",
                            "senderCountry",
                            "receivingUnitCode",
                            "amount",
                            "currency",
                            "fee",
                            "fxMarginPct",
                            "channel")
                    .fieldSetMapper(new RecordFieldSetMapper<>(Remittance.class, conversions))
                    .build();
        }

        @Bean
        JdbcBatchItemWriter<Remittance> writer(@Qualifier("duckDataSource") DataSource duckDataSource) {
            return new JdbcBatchItemWriterBuilder<Remittance>()
                    .dataSource(duckDataSource)
                    .sql("""
                            INSERT INTO remittances VALUES (:txnId, :providerId, :sentAt, :senderCountry,
                              :receivingUnitCode, :amount, :currency, :fee, :fxMarginPct, :channel)""")
                    // Records have no getX() accessors, so beanMapped() cannot read them; this can.
                    .itemSqlParameterSourceProvider(SimplePropertySqlParameterSource::new)
                    .build();
        }

        @Bean
        Step loadStep(
                JobRepository jobRepository,
                FlatFileItemReader<Remittance> reader,
                JdbcBatchItemWriter<Remittance> writer,
                @Qualifier("duckTransactionManager") JdbcTransactionManager duckTransactionManager) {
            return new StepBuilder("loadRemittances", jobRepository)
                    .<Remittance, Remittance>chunk(10_000)
                    .transactionManager(duckTransactionManager)
                    .reader(reader)
                    .writer(writer)
                    .build();
        }

        @Bean
        Job job(JobRepository jobRepository, Step loadStep) {
            return new JobBuilder("textbookIngest", jobRepository)
                    .start(loadStep)
                    .build();
        }
    }
}
