package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layering as the {@code package-info.java} files state it: each says, in a line {@code May use: a, b.}
 * (names under {@code org.mizan}; {@code application} is {@code org.mizan} itself, {@code schema} the generated
 * Avro records), which of Mizan's packages its classes may import. A class that imports any other fails this test,
 * and so does any cycle between packages (an {@code internal} package counts as part of its parent).
 */
class PackageLayeringTest {

    private static final String ROOT = "org.mizan";
    private static final String GENERATED = "org.mizan.schema";
    private static final Pattern MAY_USE = Pattern.compile("May use:\\s*(.*?)\\.\\s*(?:\\n|$)", Pattern.DOTALL);

    private static JavaClasses main;
    private static Map<String, Set<String>> mayUse;

    @BeforeAll
    static void importMainClasses() {
        // the compiled main classes only (scanning every jar of the class path for org.mizan takes half a minute)
        main = new ClassFileImporter().importPath(Path.of("target/classes"));
        mayUse = statedLayering(Path.of("src/main/java/org/mizan"));
    }

    @Test
    void everyPackageStatesWhatItMayUseAndNamesOnlyPackagesThatExist() {
        // given: every package of main code but the generated records
        Set<String> packages = main.stream()
                .map(JavaClass::getPackageName)
                .filter(p -> !p.equals(GENERATED))
                .collect(Collectors.toCollection(TreeSet::new));
        // then: each has its package-info with a 'May use:' line, and every name there is a package
        assertThat(mayUse.keySet()).containsAll(packages);
        Set<String> known = new HashSet<>(packages);
        known.add(GENERATED);
        Map<String, Set<String>> unknown = new TreeMap<>();
        mayUse.forEach((p, allowed) -> allowed.stream()
                .filter(a -> !known.contains(a))
                .forEach(a -> unknown.computeIfAbsent(p, k -> new TreeSet<>()).add(a)));
        assertThat(unknown).as("names in 'May use:' lines that are no package").isEmpty();
    }

    @Test
    void everyImportIsOneThePackageInfoAllows() {
        layering(mayUse).check(main);
    }

    @Test
    void noCycleBetweenPackages() {
        cycles().check(main);
    }

    @Test
    void anImportAgainstTheStatedLayeringIsReportedWithItsClasses() {
        // given: the stated layering, but the lake no longer allowed the DuckDB floor
        Map<String, Set<String>> narrower = new HashMap<>(mayUse);
        narrower.put("org.mizan.lake", Set.of(GENERATED));
        // when
        EvaluationResult result = layering(narrower).evaluate(main);
        // then: the lake's use of it is a violation naming the importing class and the imported one
        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains("org.mizan.lake.ConcurrentDuplicates")
                .contains("org.mizan.duckdb.DuckDb")
                .contains("the package-info of org.mizan.lake allows only [org.mizan.schema]");
    }

    @Test
    void aCycleBetweenTwoPackagesIsReported() {
        // given: two test packages that import each other
        JavaClasses fixture = new ClassFileImporter().importPath(Path.of("target/test-classes/org/mizan/layering"));
        // when
        EvaluationResult result = cycles().evaluate(fixture);
        // then
        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains("org.mizan.layering.a")
                .contains("org.mizan.layering.b");
    }

    private static ArchRule layering(Map<String, Set<String>> allowedByPackage) {
        return ArchRuleDefinition.classes()
                .that()
                .resideInAPackage(ROOT + "..")
                .and()
                .resideOutsideOfPackage(GENERATED)
                .should(new ArchCondition<JavaClass>("import only the Mizan packages their package-info allows") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        String from = c.getPackageName();
                        Set<String> allowed = allowedByPackage.get(from);
                        if (allowed == null) {
                            events.add(SimpleConditionEvent.violated(
                                    c, from + " has no package-info.java with a 'May use:' line"));
                            return;
                        }
                        for (Dependency d : c.getDirectDependenciesFromSelf()) {
                            String to =
                                    d.getTargetClass().getBaseComponentType().getPackageName();
                            if (isMizan(to) && !to.equals(from) && !allowed.contains(to)) {
                                events.add(SimpleConditionEvent.violated(
                                        d,
                                        d.getDescription() + ": the package-info of " + from + " allows only "
                                                + new TreeSet<>(allowed)));
                            }
                        }
                    }
                });
    }

    private static ArchRule cycles() {
        return SlicesRuleDefinition.slices()
                .assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass c) {
                        String p = c.getPackageName();
                        return isMizan(p)
                                ? SliceIdentifier.of(p.replaceFirst("\\.internal$", ""))
                                : SliceIdentifier.ignore();
                    }

                    @Override
                    public String getDescription() {
                        return "Mizan's packages (an internal package with its parent)";
                    }
                })
                .should()
                .beFreeOfCycles();
    }

    private static boolean isMizan(String pkg) {
        return pkg.equals(ROOT) || pkg.startsWith(ROOT + ".");
    }

    /** Package name to the packages its package-info's 'May use:' line names. */
    static Map<String, Set<String>> statedLayering(Path sources) {
        Map<String, Set<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("package-info.java"))
                    .toList()) {
                String text = Files.readString(f);
                Matcher pkg = Pattern.compile("(?m)^package\\s+([\\w.]+);").matcher(text);
                Matcher use = MAY_USE.matcher(text.replaceAll("(?m)^\\s*\\*\\s?", ""));
                if (pkg.find() && use.find()) {
                    out.put(pkg.group(1), names(use.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Set<String> names(String list) {
        String l = list.replaceAll("\\s+", " ").strip();
        if (l.equals("nothing of Mizan")) {
            return Set.of();
        }
        List<String> tokens = Arrays.stream(l.split(",")).map(String::strip).toList();
        return tokens.stream()
                .map(t -> t.equals("application") ? ROOT : ROOT + "." + t)
                .collect(Collectors.toSet());
    }
}
