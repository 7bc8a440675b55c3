import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Synthetic inputs for the Mizan benchmark: N remittance rows (format 2) plus the gazetteer (format 1) and
 * FX rates (format 8) that an ingest needs to resolve and convert them.
 *
 * <pre>java bench/GenerateRemittances.java N SEED OUTDIR [YEARS] [shuffled | delivery K]</pre>
 *
 * YEARS (default 1) spreads the rows over that many years ending with 2024 (the warehouse benchmark uses 5:
 * sixty months); FX rates start a month before the first of them.
 *
 * {@code shuffled} writes a consolidated national feed instead of a provider's export: 40 providers (480
 * partitions of month and provider in a year) and every row at a random time of the span, so consecutive rows
 * fall in unrelated partitions. {@code bench/run.sh} sorts the same file by month and provider to compare the
 * two orders on identical rows.
 *
 * {@code delivery K} writes the K-th monthly delivery (K from 0) of 12 providers, as providers deliver them: one
 * provider's month (provider K mod 12, month K / 12 of the span, so that every delivery is a new partition of
 * the lake), its rows at random times of that month in random order, with txn_ids of their own
 * ({@code T-<K>-<n>}). The gazetteer and FX rates depend on SEED alone: the same for every K
 * ({@code bench/loads.sh} with {@code BENCH_DATASET=remittances}).
 *
 * Everything is drawn from one SplittableRandom seeded with SEED, in a fixed order, so a seed names one exact
 * set of files: two runs compare like with like. The remittance file is written byte by byte into a large
 * buffer instead of through String.format/Formatter, because the benchmark has to generate 5 M rows in a few
 * seconds and formatting would otherwise dominate the generator's own run time.
 */
public class GenerateRemittances {

    static final String HEADER =
            "txn_id,provider_id,sent_at,sender_country,receiving_unit_code,amount,currency,fee,fx_margin_pct,channel";

    // Sender corridors. Offsets are the senders' local standard offsets: sent_at is what the provider's
    // system writes, local time with its offset, as format 2's example does. A share of rows is written
    // in UTC (Z) instead, since some providers do that.
    static final String[] COUNTRIES = {"QA", "MY", "AE", "SA", "RU", "KZ"};
    static final String[] CURRENCIES = {"QAR", "MYR", "AED", "SAR", "RUB", "KZT"};
    static final String[] OFFSETS = {"+03:00", "+08:00", "+04:00", "+03:00", "+03:00", "+05:00"};
    static final int[] COUNTRY_WEIGHTS = {20, 18, 17, 20, 18, 7};
    /** Probability (in %) that a transfer from this country goes to Nepal rather than Tajikistan. */
    static final int[] TO_NEPAL_PCT = {92, 95, 90, 92, 10, 20};
    /** Rough units per USD in 2024, the centre of each currency's random walk in fx_rates.csv. */
    static final double[] PER_USD = {3.64, 4.70, 3.6725, 3.75, 92.0, 470.0};

    static final boolean[] PEGGED = {true, false, true, true, false, false};
    // Receiving-side currencies are not in remittances.csv but reports convert local budgets with them.
    static final String[] EXTRA_FX = {"NPR", "TJS"};
    static final double[] EXTRA_PER_USD = {133.5, 10.8};

    static final String[] CHANNELS_MTO = {"mto", "mobile_money", "cash_agent", "post"};
    static final int[] CHANNEL_MTO_WEIGHTS = {55, 20, 20, 5};

    /** How many years, ending with 2024, the rows spread over. */
    static int years = 1;
    /** Rows in no order (a consolidated feed of 40 providers) rather than roughly chronological (12 providers). */
    static boolean shuffled;
    /** The monthly delivery to write (one provider's month), or -1. */
    static int delivery = -1;

    static LocalDate firstDay() {
        return LocalDate.of(2025 - years, 1, 1);
    }

    public static void main(String[] args) throws IOException {
        boolean ok = args.length >= 3
                && args.length <= 6
                && (args.length < 5 || args[4].equals(args.length == 5 ? "shuffled" : "delivery"));
        if (!ok) {
            System.err.println(
                    "usage: java bench/GenerateRemittances.java N SEED OUTDIR [YEARS] [shuffled | delivery K]");
            System.exit(2);
        }
        long n = Long.parseLong(args[0]);
        long seed = Long.parseLong(args[1]);
        Path out = Path.of(args[2]);
        years = args.length >= 4 ? Integer.parseInt(args[3]) : 1;
        shuffled = args.length == 5;
        delivery = args.length == 6 ? Integer.parseInt(args[5]) : -1;
        Files.createDirectories(out);
        SplittableRandom rnd = new SplittableRandom(seed);

        long t0 = System.nanoTime();
        Gazetteer gaz = Gazetteer.generate(rnd.split());
        gaz.write(out.resolve("admin_units.csv"));
        writeFxRates(rnd.split(), out.resolve("fx_rates.csv"));
        SplittableRandom rows = rnd.split();
        writeRemittances(
                delivery < 0 ? rows : new SplittableRandom(seed * 1_000_003L + delivery),
                gaz,
                n,
                out.resolve("remittances.csv"));
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "generated %,d remittance rows, %d admin units (%d municipalities) in %.1f s (%.2f M rows/s) into %s%n",
                n, gaz.rows.size(), gaz.npMunicipalities.size() + gaz.tjMunicipalities.size(), s, n / s / 1e6, out);
    }

    // ---------------------------------------------------------------- gazetteer (format 1)

    /** NP and TJ down to level 3, with ISO 3166-2 first-level codes and made-up but stable lower levels. */
    static final class Gazetteer {
        final List<String> rows = new ArrayList<>();
        final List<String> npMunicipalities = new ArrayList<>();
        final List<String> tjMunicipalities = new ArrayList<>();

        static final String[][] NP_PROVINCES = {
            {"NP-P1", "Koshi Province"}, {"NP-P2", "Madhesh Province"}, {"NP-P3", "Bagmati Province"},
            {"NP-P4", "Gandaki Province"}, {"NP-P5", "Lumbini Province"}, {"NP-P6", "Karnali Province"},
            {"NP-P7", "Sudurpashchim Province"}
        };
        // Nepal has 77 districts and 753 local levels; Tajikistan about 60 districts and 370 jamoats. The
        // sizes below keep the total near 800 municipalities while keeping both countries' shapes.
        static final int[] NP_DISTRICTS = {14, 8, 13, 11, 12, 10, 9};
        static final String[][] TJ_REGIONS = {
            {"TJ-SU", "Sughd Region"},
            {"TJ-KT", "Khatlon Region"},
            {"TJ-GB", "Gorno-Badakhshan Autonomous Region"},
            {"TJ-RA", "Districts of Republican Subordination"},
            {"TJ-DU", "Dushanbe"}
        };
        static final int[] TJ_DISTRICTS = {6, 7, 2, 4, 1};

        static final String[] SYLLABLES = {
            "ka", "ri", "dha", "nu", "ta", "pa", "lu", "mo", "sa", "ban", "go", "ra", "khu", "bi", "na", "ja", "shi",
            "ro", "de", "la", "kot", "pur", "ma", "ha", "tu", "bo"
        };

        static Gazetteer generate(SplittableRandom rnd) {
            Gazetteer g = new Gazetteer();
            g.add("NP", "Nepal", 0, "", "NP");
            g.add("TJ", "Tajikistan", 0, "", "TJ");
            for (int p = 0; p < NP_PROVINCES.length; p++) {
                String pc = NP_PROVINCES[p][0];
                g.add(pc, NP_PROVINCES[p][1], 1, "NP", "NP");
                g.districts(rnd, pc, "NP", NP_DISTRICTS[p], " District", 7, 11, "M", g.npMunicipalities);
            }
            for (int r = 0; r < TJ_REGIONS.length; r++) {
                String rc = TJ_REGIONS[r][0];
                g.add(rc, TJ_REGIONS[r][1], 1, "TJ", "TJ");
                g.districts(rnd, rc, "TJ", TJ_DISTRICTS[r], " District", 3, 7, "J", g.tjMunicipalities);
            }
            return g;
        }

        void districts(
                SplittableRandom rnd,
                String parent,
                String country,
                int count,
                String suffix,
                int minMun,
                int maxMun,
                String munPrefix,
                List<String> municipalities) {
            Set<String> codes = new HashSet<>();
            for (int d = 0; d < count; d++) {
                String name;
                String code;
                do { // district codes are the first three letters of the name, as in NP-P1-DHA: retry on clashes
                    name = name(rnd);
                    code = parent + "-" + name.substring(0, 3).toUpperCase();
                } while (!codes.add(code));
                add(code, name + suffix, 2, parent, country);
                int m = rnd.nextInt(minMun, maxMun + 1);
                for (int i = 1; i <= m; i++) {
                    String mc = code + "-" + munPrefix + String.format("%02d", i);
                    String mn = country.equals("NP")
                            ? name(rnd) + (rnd.nextInt(3) == 0 ? " Municipality" : " Rural Municipality")
                            : "Jamoat " + name(rnd);
                    add(mc, mn, 3, code, country);
                    municipalities.add(mc);
                }
            }
        }

        static String name(SplittableRandom rnd) {
            StringBuilder sb = new StringBuilder();
            int parts = rnd.nextInt(2, 4);
            for (int i = 0; i < parts; i++) sb.append(SYLLABLES[rnd.nextInt(SYLLABLES.length)]);
            sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
            return sb.toString();
        }

        void add(String code, String name, int level, String parent, String country) {
            rows.add(code + "," + name + "," + level + "," + parent + "," + country + ",2015-01-01,");
        }

        void write(Path file) throws IOException {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
                w.print("unit_code,name,level,parent_code,country,valid_from,valid_to\n");
                for (String r : rows) w.print(r + "\n");
            }
        }
    }

    // ---------------------------------------------------------------- FX rates (format 8)

    /** Starts a month before the transactions so a "nearest earlier rate" lookup always finds one. */
    static void writeFxRates(SplittableRandom rnd, Path file) throws IOException {
        LocalDate from = firstDay().minusMonths(1), to = LocalDate.of(2024, 12, 31);
        int k = CURRENCIES.length + EXTRA_FX.length;
        String[] cur = new String[k];
        double[] rate = new double[k];
        boolean[] pegged = new boolean[k];
        for (int i = 0; i < k; i++) {
            boolean extra = i >= CURRENCIES.length;
            cur[i] = extra ? EXTRA_FX[i - CURRENCIES.length] : CURRENCIES[i];
            rate[i] = extra ? EXTRA_PER_USD[i - CURRENCIES.length] : PER_USD[i];
            pegged[i] = !extra && PEGGED[i];
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("rate_date,currency,per_usd\n");
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                for (int i = 0; i < k; i++) {
                    // Pegged Gulf currencies stay on their peg; floating ones take a small daily random walk.
                    if (!pegged[i]) rate[i] *= 1 + rnd.nextGaussian() * 0.004;
                    w.write(d + "," + cur[i] + "," + String.format("%.4f", rate[i]) + "\n");
                }
            }
        }
    }

    // ---------------------------------------------------------------- remittances (format 2)

    static void writeRemittances(SplittableRandom rnd, Gazetteer gaz, long n, Path file) throws IOException {
        int mtos = shuffled ? 30 : 8, banks = shuffled ? 10 : 4;
        String[] providers = new String[mtos + banks];
        for (int i = 0; i < mtos; i++) providers[i] = String.format("MTO-%03d", i + 1);
        for (int i = 0; i < banks; i++) providers[mtos + i] = String.format("BNK-%03d", i + 1);
        byte[][] providerB = bytes(providers);
        byte[][] countryB = bytes(COUNTRIES), currencyB = bytes(CURRENCIES), offsetB = bytes(OFFSETS);
        byte[][] npB = bytes(gaz.npMunicipalities.toArray(String[]::new));
        byte[][] tjB = bytes(gaz.tjMunicipalities.toArray(String[]::new));
        byte[][] channelMtoB = bytes(CHANNELS_MTO), bankB = bytes(new String[] {"bank"});
        int[] countryCum = cumulative(COUNTRY_WEIGHTS), channelCum = cumulative(CHANNEL_MTO_WEIGHTS);

        // "yyyy-MM-dd" strings of every day of the span (366 for 2024 alone), looked up by index instead of formatted.
        int span = (int) java.time.temporal.ChronoUnit.DAYS.between(firstDay(), LocalDate.of(2025, 1, 1));
        byte[][] days = new byte[span][];
        for (int d = 0; d < span; d++)
            days[d] = firstDay().plusDays(d).toString().getBytes(StandardCharsets.US_ASCII);
        long year = (long) span * 86_400;
        // a delivery: one provider's month, at random times of it (seconds from the span's first day)
        long from = 0, len = year;
        if (delivery >= 0) {
            LocalDate month = firstDay().plusMonths(delivery / providers.length);
            if (!month.isBefore(LocalDate.of(2025, 1, 1))) {
                throw new IllegalArgumentException("delivery " + delivery + " is past the span of " + years + " years");
            }
            from = java.time.temporal.ChronoUnit.DAYS.between(firstDay(), month) * 86_400;
            len = (long) month.lengthOfMonth() * 86_400;
        }

        try (OutputStream os = new FileOutputStream(file.toFile())) {
            Out o = new Out(os, 1 << 20);
            o.ascii(HEADER).b('\n');
            for (long i = 0; i < n; i++) {
                // Roughly chronological: row i sits at its share of the year plus up to 30 minutes of jitter,
                // which is how a provider's daily exports concatenate.
                // Shuffled: anywhere in the span, as a year's backfill or a national consolidation arrives.
                long t = delivery >= 0
                        ? from + rnd.nextLong(len)
                        : shuffled
                                ? rnd.nextLong(year)
                                : (long) ((double) i * year / Math.max(n, 1)) + rnd.nextInt(1800);
                if (t >= year) t = year - 1;
                int c = pick(rnd, countryCum);
                int p = delivery >= 0 ? delivery % providers.length : rnd.nextInt(providers.length);
                boolean bank = p >= mtos;

                o.ascii("T-");
                if (delivery >= 0) o.num(delivery, 4).b('-');
                o.num(i + 1, 10).b(',');
                o.raw(providerB[p]).b(',');
                int day = (int) (t / 86_400), sec = (int) (t % 86_400);
                o.raw(days[day])
                        .b('T')
                        .num(sec / 3600, 2)
                        .b(':')
                        .num(sec / 60 % 60, 2)
                        .b(':')
                        .num(sec % 60, 2);
                if (rnd.nextInt(10) == 0) o.b('Z');
                else o.raw(offsetB[c]);
                o.b(',');
                o.raw(countryB[c]).b(',');
                byte[][] units = rnd.nextInt(100) < TO_NEPAL_PCT[c] ? npB : tjB;
                o.raw(units[rnd.nextInt(units.length)]).b(',');
                // Typical migrant transfers: log-normal around 300 USD, capped at 20,000 USD.
                double usd = Math.min(20_000, Math.max(10, Math.exp(5.6 + 0.8 * rnd.nextGaussian())));
                long amountCents = Math.max(1, Math.round(usd * PER_USD[c] * 100));
                o.cents(amountCents).b(',');
                o.raw(currencyB[c]).b(',');
                // Fees: a flat part plus a percentage; one transfer in ten is a zero-fee promotion.
                long feeCents = rnd.nextInt(10) == 0
                        ? 0
                        : Math.round(
                                (2 + rnd.nextDouble() * 6) * PER_USD[c] * 100 + amountCents * rnd.nextDouble() * 0.02);
                o.cents(feeCents).b(',');
                if (rnd.nextInt(100) >= 30) o.cents(20 + rnd.nextInt(331)); // 0.20..3.50 %, empty in ~30 %
                o.b(',');
                o.raw(bank ? bankB[0] : channelMtoB[pick(rnd, channelCum)]).b('\n');
            }
            o.flush();
        }
    }

    static int[] cumulative(int[] w) {
        int[] c = new int[w.length];
        int s = 0;
        for (int i = 0; i < w.length; i++) c[i] = s += w[i];
        return c;
    }

    static int pick(SplittableRandom rnd, int[] cum) {
        int r = rnd.nextInt(cum[cum.length - 1]);
        int i = 0;
        while (r >= cum[i]) i++;
        return i;
    }

    static byte[][] bytes(String[] s) {
        byte[][] b = new byte[s.length][];
        for (int i = 0; i < s.length; i++) b[i] = s[i].getBytes(StandardCharsets.US_ASCII);
        return b;
    }

    /** Byte buffer with just the appends the row format needs; everything written is ASCII. */
    static final class Out {
        final OutputStream os;
        final byte[] buf;
        int pos;

        Out(OutputStream os, int size) {
            this.os = os;
            this.buf = new byte[size];
        }

        Out b(char c) throws IOException {
            if (pos == buf.length) flush();
            buf[pos++] = (byte) c;
            return this;
        }

        Out raw(byte[] b) throws IOException {
            if (pos + b.length > buf.length) flush();
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
            return this;
        }

        Out ascii(String s) throws IOException {
            return raw(s.getBytes(StandardCharsets.US_ASCII));
        }

        /** Zero-padded to at least {@code width} digits. */
        Out num(long v, int width) throws IOException {
            if (pos + 20 > buf.length) flush();
            int len = Math.max(width, digits(v));
            for (int i = pos + len - 1; i >= pos; i--) {
                buf[i] = (byte) ('0' + v % 10);
                v /= 10;
            }
            pos += len;
            return this;
        }

        Out cents(long c) throws IOException {
            return num(c / 100, 1).b('.').num(c % 100, 2);
        }

        static int digits(long v) {
            int d = 1;
            while (v >= 10) {
                v /= 10;
                d++;
            }
            return d;
        }

        void flush() throws IOException {
            os.write(buf, 0, pos);
            pos = 0;
        }
    }
}
