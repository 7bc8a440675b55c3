import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The rest of a national-scale world for the warehouse benchmark, over the gazetteer GenerateRemittances wrote
 * (its municipalities, 2020-2024): municipal registries (format 4: people, about 60 % migrants abroad and 40 %
 * returnees, and services to a share of the returnees), local-authority ledgers (format 6) and national plan
 * allocations (format 7). Synthetic people only.
 *
 * <pre>java bench/GenerateWorld.java OUTDIR PEOPLE LEDGER_ROWS SEED</pre>
 */
public class GenerateWorld {

    static final String[] DESTINATIONS = {"QA", "MY", "AE", "SA", "KW", "RU", "KZ"};
    static final String[] SERVICES = {
        "reintegration_assistance",
        "financial_literacy",
        "psychosocial_support",
        "business_training",
        "seed_funding",
        "job_placement"
    };
    static final String[] SECTORS = {
        "31120", "31140", "11120", "12220", "14030", "16020", "21020", "25010", "15190", "11250"
    };
    static final String[] FUNDERS = {
        "local_authority", "national_government", "diaspora", "donor", "private", "community"
    };
    static final String[] SCHEMES = {"none", "none", "1x1", "3x1", "co_financing_85_15"};

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: java bench/GenerateWorld.java OUTDIR PEOPLE LEDGER_ROWS SEED");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long people = Long.parseLong(args[1]);
        long ledgerRows = Long.parseLong(args[2]);
        SplittableRandom rnd = new SplittableRandom(Long.parseLong(args[3]));
        List<String> municipalities = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("admin_units.csv"))) {
            String[] f = line.split(",");
            if (f[2].equals("3")) {
                municipalities.add(f[0]);
            } else if (f[2].equals("1")) {
                regions.add(f[0]);
            }
        }
        long t0 = System.nanoTime();
        long returnees = writePeople(rnd.split(), municipalities, people, out.resolve("people.csv"));
        writeServices(rnd.split(), municipalities, people, returnees, out.resolve("services.csv"));
        writeLedger(rnd.split(), municipalities, ledgerRows, out.resolve("ledger.csv"));
        writePlan(rnd.split(), regions, out.resolve("plan.csv"));
        System.out.printf(
                "generated %,d people (%,d returnees), their services, %,d ledger rows and the plan in %.1f s into %s%n",
                people, returnees, ledgerRows, (System.nanoTime() - t0) / 1e9, out);
    }

    static LocalDate day(SplittableRandom rnd, int fromYear, int toYear) {
        LocalDate from = LocalDate.of(fromYear, 1, 1);
        return from.plusDays(rnd.nextInt((int) (LocalDate.of(toYear + 1, 1, 1).toEpochDay() - from.toEpochDay())));
    }

    /** Person i's national id: services name their beneficiaries by it. */
    static String nationalId(long i) {
        return "N" + (10_000_000 + i);
    }

    static long writePeople(SplittableRandom rnd, List<String> units, long n, Path file) throws IOException {
        long returnees = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(
                    "record_id,registry,full_name,phone,national_id,sex,birth_year,home_unit_code,destination_country,departure_on,returned_on,registered_on\n");
            for (long i = 0; i < n; i++) {
                boolean returnee = rnd.nextInt(100) < 40;
                LocalDate departed = day(rnd, 2012, 2023);
                LocalDate returned = returnee
                        ? LocalDate.ofEpochDay(Math.min(
                                LocalDate.of(2024, 12, 31).toEpochDay(),
                                Math.max(
                                        LocalDate.of(2020, 1, 1).toEpochDay(),
                                        departed.toEpochDay() + 200 + rnd.nextInt(2500))))
                        : null;
                LocalDate registered = returnee
                        ? returned.plusDays(rnd.nextInt(30))
                        : LocalDate.ofEpochDay(Math.max(
                                LocalDate.of(2020, 1, 1).toEpochDay(), departed.toEpochDay() - rnd.nextInt(30)));
                if (registered.isAfter(LocalDate.of(2024, 12, 31))) {
                    registered = LocalDate.of(2024, 12, 31);
                }
                returnees += returnee ? 1 : 0;
                w.write(i + 1 + "," + (returnee ? "returnee" : "migrant") + ",Person " + (i + 1) + ",+977 98"
                        + (10_000_000 + i % 90_000_000)
                        + "," + nationalId(i) + "," + (rnd.nextInt(100) < 70 ? "M" : "F") + ","
                        + (1960 + rnd.nextInt(45)) + ","
                        + units.get(rnd.nextInt(units.size())) + "," + DESTINATIONS[rnd.nextInt(DESTINATIONS.length)]
                        + "," + departed + ","
                        + (returned == null ? "" : returned) + "," + registered + "\n");
            }
        }
        return returnees;
    }

    /** Services to about half the returnees: the generator draws the same people again (same seed order). */
    static void writeServices(SplittableRandom rnd, List<String> units, long people, long returnees, Path file)
            throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(
                    "service_id,unit_code,service_type,national_id,beneficiary_category,delivered_on,amount,currency,provider\n");
            long n = returnees / 2;
            for (long i = 0; i < n; i++) {
                String type = SERVICES[rnd.nextInt(SERVICES.length)];
                boolean money = type.equals("seed_funding");
                w.write("S-" + (i + 1) + "," + units.get(rnd.nextInt(units.size())) + "," + type + ","
                        + nationalId(rnd.nextLong(people)) + ",returnee," + day(rnd, 2020, 2024) + ","
                        + (money ? 20_000 + rnd.nextInt(80_000) + ",NPR" : ",") + ",Migrant Resource Centre\n");
            }
        }
    }

    static void writeLedger(SplittableRandom rnd, List<String> units, long rows, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(
                    "project_id,title,unit_code,sector_code,initiative_level,entry_id,entry_date,entry_type,funder_type,funder_name,scheme,amount,currency\n");
            long written = 0;
            for (long p = 1; written < rows; p++) {
                String unit = units.get(rnd.nextInt(units.size()));
                String currency = unit.startsWith("NP") ? "NPR" : "TJS";
                String sector = SECTORS[rnd.nextInt(SECTORS.length)];
                String level = rnd.nextInt(100) < 75 ? "local" : "national";
                String scheme = SCHEMES[rnd.nextInt(SCHEMES.length)];
                LocalDate start = day(rnd, 2020, 2024);
                int entries = 2 + rnd.nextInt(5);
                for (int e = 1; e <= entries && written < rows; e++, written++) {
                    String funder = FUNDERS[rnd.nextInt(FUNDERS.length)];
                    String type = e <= 2 ? "commitment" : (rnd.nextBoolean() ? "disbursement" : "expenditure");
                    w.write("PRJ-" + p + ",Project " + p + "," + unit + "," + sector + "," + level + ",E" + e + ","
                            + start.plusDays(rnd.nextInt(120)).withYear(start.getYear()) + "," + type + "," + funder
                            + "," + funder + " " + p
                            + "," + scheme + "," + (10_000 + rnd.nextInt(2_000_000)) + "," + currency + "\n");
                }
            }
        }
    }

    static void writePlan(SplittableRandom rnd, List<String> regions, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("plan_id,fiscal_year,unit_code,sector_code,planned_amount,currency\n");
            for (int year = 2020; year <= 2024; year++) {
                for (String region : regions) {
                    for (String sector : SECTORS) {
                        if (rnd.nextInt(100) < 70) {
                            w.write("NATIONAL-PLAN," + year + "," + region + "," + sector + ","
                                    + (1_000_000 + rnd.nextInt(900_000_000)) + ","
                                    + (region.startsWith("NP") ? "NPR" : "TJS") + "\n");
                        }
                    }
                }
            }
        }
    }
}
