package org.mizan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import org.mizan.config.MizanHome;
import org.mizan.duckdb.SqlFiles;
import org.mizan.quality.QualityChecks;
import org.mizan.quality.Review;
import org.mizan.quality.Reviews;
import org.mizan.warehouse.ReadOnlyQuery;
import org.mizan.warehouse.Warehouse;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mizan review FLAG --accept|--reject "reason" [--exclude]}: a steward's decision on a data-quality flag. */
@Command(
        name = "review",
        mixinStandardHelpOptions = true,
        header = "Accepts or rejects a value the data-quality checks flagged.",
        description = {
            "Records a decision on a flag of data_quality_flags (mizan flags lists them): --accept when the value",
            "is right, --reject when it is wrong; --exclude (with --reject, on a funding entry or a remittance",
            "transaction) also leaves the record out of every total and coherence view (listed in the view",
            "quality_exclusions). Decisions are kept in",
            "MIZAN_HOME/quality/reviews.yml and hold across rebuilds and reloads while the record is unchanged;",
            "the warehouse is rebuilt at once. A later decision on the same flag replaces the earlier one.",
            "Example: mizan review 6089defb9b5c --reject \"typo: 1,000 not 1,000,000\" --exclude"
        })
public class ReviewCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FLAG", description = "the flag's id (flag_id)")
    String flag;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Decision decision;

    static class Decision {
        @Option(names = "--accept", paramLabel = "REASON", description = "the value is right, and why")
        String accept;

        @Option(names = "--reject", paramLabel = "REASON", description = "the value is wrong, and why")
        String reject;
    }

    @Option(names = "--exclude", description = "with --reject: leave the record out of the totals and coherence views")
    boolean exclude;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String reason = decision.accept != null ? decision.accept : decision.reject;
        if (reason.isBlank()) {
            throw new MizanMain.UsageException("give the decision a reason, e.g. --reject \"typo in the source\"");
        }
        if (exclude && decision.reject == null) {
            throw new MizanMain.UsageException("--exclude goes with --reject: an accepted value stays in the views");
        }
        MizanHome home = MizanHome.fromEnvironment();
        QualityChecks.load(home);
        Warehouse warehouse = new Warehouse(home);
        Path published = warehouse.published();
        if (published == null) {
            throw new MizanMain.UsageException("no warehouse published yet: load something first (mizan run …)");
        }
        List<List<Object>> rows = ReadOnlyQuery.run(published, SqlFiles.text("queries/quality_flag.sql"), List.of(flag))
                .rows();
        if (rows.isEmpty()) {
            throw new MizanMain.UsageException(
                    "no flag '" + flag + "' in the published warehouse (mizan flags lists them)");
        }
        List<Object> f = rows.get(0);
        if (exclude && !"project_funding".equals(f.get(2)) && !"remittance_transactions".equals(f.get(2))) {
            throw new MizanMain.UsageException(
                    "flag " + flag + " is on " + f.get(2) + " (" + f.get(3) + "): only funding entries"
                            + " and remittance transactions (datasets project_funding, remittance_transactions) can be excluded;"
                            + " reject it without --exclude");
        }
        Review r = new Review(
                flag,
                decision.accept != null ? Review.ACCEPT : Review.REJECT,
                reason.strip(),
                exclude,
                OffsetDateTime.now(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString(),
                str(f.get(1)),
                str(f.get(2)),
                str(f.get(3)),
                str(f.get(4)));
        Reviews reviews = new Reviews(home);
        reviews.record(r);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s %s: %s %s (%s)%n", flag, r.decision(), f.get(1), f.get(3), reason.strip());
        if (exclude) {
            out.println("  excluded from the totals and coherence views (quality_exclusions)");
        }
        out.println("  kept in " + reviews.file());
        out.println("  warehouse: published " + warehouse.rebuild());
        return MizanMain.OK;
    }

    private static String str(Object o) {
        return o instanceof java.math.BigDecimal d ? d.toPlainString() : o == null ? null : o.toString();
    }
}
