import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * Query times of the coherence views on a published warehouse, read-only as a planner opens it: for each view,
 * all its rows fetched, and one unit's rows of one period (a municipality, the dashboard's drill-down). Each is
 * run three times; the best and the worst are printed.
 *
 * <pre>java -cp duckdb_jdbc.jar bench/ViewTimes.java WAREHOUSE.duckdb UNIT PERIOD</pre>
 */
public class ViewTimes {

    public static void main(String[] args) throws Exception {
        Properties ro = new Properties();
        ro.setProperty("duckdb.read_only", "true");
        String[][] views = {
            {"remittance_investment_match", "period"},
            {"sector_alignment", "fiscal_year"},
            {"programme_complementarity", "period"},
            {"reintegration_coverage", "period"},
            {"matching_leverage", "period"},
            {"remittance_cost", null},
            {"level_reconciliation", null},
            {"coherence_scorecard", "period"}
        };
        System.out.printf("%-28s %10s %12s %12s %14s%n", "view", "rows", "all (ms)", "worst (ms)", "one unit (ms)");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0], ro)) {
            for (String[] v : views) {
                long rows = 0;
                long best = Long.MAX_VALUE;
                long worst = 0;
                for (int i = 0; i < 3; i++) {
                    long t0 = System.nanoTime();
                    rows = 0;
                    try (Statement s = c.createStatement();
                            ResultSet rs = s.executeQuery("select * from " + v[0])) {
                        int cols = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int k = 1; k <= cols; k++) {
                                rs.getObject(k);
                            }
                            rows++;
                        }
                    }
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    best = Math.min(best, ms);
                    worst = Math.max(worst, ms);
                }
                String one = "-";
                if (v[1] != null) {
                    long t0 = System.nanoTime();
                    try (PreparedStatement ps =
                            c.prepareStatement("select * from " + v[0] + " where unit_code = ? and " + v[1] + " = ?")) {
                        ps.setString(1, args[1]);
                        ps.setString(2, args[2]);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                rs.getObject(1);
                            }
                        }
                    }
                    one = String.valueOf((System.nanoTime() - t0) / 1_000_000);
                }
                System.out.printf("%-28s %,10d %12d %12d %14s%n", v[0], rows, best, worst, one);
            }
        }
    }
}
