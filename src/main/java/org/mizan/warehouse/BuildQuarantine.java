package org.mizan.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.mizan.config.MizanHome;
import org.mizan.lake.Dataset;
import org.mizan.lake.Lake;
import org.mizan.lake.Loads;

/**
 * Keeps one unit of load whose rows the warehouse cannot hold from blocking every later build. When a build
 * fails, the units committed since the last good build are taken out of the lake one at a time (the load being
 * built last) into {@code MIZAN_HOME/quarantine/builds/<unit>/}, and the build is tried without each: the first
 * one without which it succeeds stays there, named with its file and the build's error ({@code reason.txt},
 * which {@code status} lists); the others are put back. When none helps, everything is put back and the build's
 * own error stands; the published warehouse is untouched either way until a build succeeds.
 */
public final class BuildQuarantine {

    /** At most this many units are tried without (each try is a build). */
    static final int MAX_TRIES = 4;

    /** A unit taken out of the lake: its folder in the quarantine, and the line that says why. */
    public record Held(String unit, Path dir, String reason) {}

    /** The build published, and the unit taken out of the lake for it, if one was. */
    public record Outcome(Path built, Held held) {}

    private final MizanHome home;
    private final Lake lake;

    public BuildQuarantine(MizanHome home) {
        this.home = home;
        this.lake = new Lake(home.lake());
    }

    /** The folder that holds the quarantined units. */
    public static Path root(MizanHome home) {
        return home.quarantine().resolve("builds");
    }

    /** Builds and publishes; on failure, isolates the unit that makes it fail (see the class comment). */
    public Outcome rebuild(String ownUnit) {
        Warehouse warehouse = new Warehouse(home);
        try {
            // incremental when it can be (Warehouse.update); every try without a unit is a full build
            return new Outcome(warehouse.update(), null);
        } catch (RuntimeException failure) {
            List<String> candidates = candidates(warehouse.lastGoodCommitOffset(), ownUnit);
            for (String unit : candidates.subList(0, Math.min(MAX_TRIES, candidates.size()))) {
                List<Path[]> moved = isolate(unit);
                try {
                    Path built = warehouse.rebuild();
                    return new Outcome(built, record(unit, moved, failure));
                } catch (RuntimeException stillFailing) {
                    restore(moved);
                }
            }
            throw failure;
        }
    }

    /** Units committed since the last good build, in commit order, the load being built last. */
    private List<String> candidates(long offset, String ownUnit) {
        Set<String> units = new LinkedHashSet<>();
        try {
            for (Dataset d : Dataset.values()) {
                units.addAll(lake.unitsCommittedSince(d, offset));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> out = new ArrayList<>(units);
        if (ownUnit != null && out.remove(ownUnit)) {
            out.add(ownUnit);
        }
        return out;
    }

    /** Moves every file of the unit out of the lake; returns {from, to} pairs. */
    private List<Path[]> isolate(String unit) {
        try {
            return lake.exclusive(() -> {
                List<Path[]> moved = new ArrayList<>();
                Path dir = root(home).resolve(unit);
                for (Dataset d : Dataset.values()) {
                    for (Path f : lake.filesOf(d, unit)) {
                        Path to = dir.resolve("lake")
                                .resolve(lake.root().relativize(f).toString());
                        Files.createDirectories(to.getParent());
                        Files.move(f, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                        moved.add(new Path[] {f, to});
                    }
                }
                return moved;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void restore(List<Path[]> moved) {
        try {
            lake.exclusive(() -> {
                for (Path[] m : moved) {
                    Files.move(m[1], m[0], StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
                return null;
            });
            if (!moved.isEmpty()) {
                deleteTree(moved.get(0)[1].getParent(), root(home));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Held record(String unit, List<Path[]> moved, RuntimeException failure) {
        try {
            Path dir = root(home).resolve(unit);
            String file = new Loads(lake).of(unit).map(Loads.Load::path).orElse(unit);
            new Loads(lake).forget(unit);
            String reason = file + ": the warehouse cannot be built with its rows ("
                    + failure.getMessage().strip().split("\n")[0]
                    + "), so its " + moved.size() + " lake file(s) were moved to " + dir + " on "
                    + LocalDateTime.now().withNano(0)
                    + " and the warehouse was built without them. Correct the file and load it again; remove the folder"
                    + " (rm -r " + dir + ") to forget them.";
            Files.writeString(dir.resolve("reason.txt"), reason + "\n", StandardCharsets.UTF_8);
            return new Held(unit, dir, reason);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reasons of every unit held in the quarantine, for {@code status}. */
    public static List<String> reasons(MizanHome home) {
        Path root = root(home);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            List<String> out = new ArrayList<>();
            for (Path dir : s.sorted().toList()) {
                Path reason = dir.resolve("reason.txt");
                if (Files.exists(reason)) {
                    out.add(Files.readString(reason, StandardCharsets.UTF_8).strip());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes empty folders from {@code dir} up to (not including) {@code stop}. */
    private static void deleteTree(Path dir, Path stop) throws IOException {
        for (Path d = dir; d != null && d.startsWith(stop) && !d.equals(stop); d = d.getParent()) {
            try (Stream<Path> s = Files.list(d)) {
                if (s.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(d);
        }
    }
}
