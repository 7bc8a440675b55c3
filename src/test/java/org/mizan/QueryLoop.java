package org.mizan;

import java.nio.file.Path;
import java.util.List;
import org.mizan.config.MizanHome;
import org.mizan.warehouse.ReadOnlyQuery;
import org.mizan.warehouse.Warehouse;

/**
 * A planner's second process for {@link PublishWhileQueryingIT}: queries the published warehouse of a home in a loop
 * until a stop file appears, printing {@code ok <answer>} or {@code error <message>} per query.
 */
public final class QueryLoop {

    private QueryLoop() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path stop = Path.of(args[1]);
        String sql = args[2];
        Warehouse warehouse = new Warehouse(new MizanHome(home));
        while (!java.nio.file.Files.exists(stop)) {
            try {
                List<List<Object>> rows =
                        ReadOnlyQuery.run(warehouse.published(), sql).rows();
                System.out.println("ok " + rows.get(0));
            } catch (Exception e) {
                System.out.println("error " + e);
            }
        }
    }
}
