package org.mizan.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads mapping files (YAML, documented in {@code jobs/README.md}) by name from the packaged {@code jobs/}
 * folder, or from a path.
 */
public final class MappingLoader {

    private MappingLoader() {}

    /** A mapping by path (any {@code .yml} file) or by name ({@code remittances/dushanbe-express}). */
    public static Mapping load(String nameOrPath) {
        Path path = Path.of(nameOrPath);
        if (nameOrPath.endsWith(".yml") && Files.isRegularFile(path)) {
            try (InputStream in = Files.newInputStream(path)) {
                return parse(path.getFileName().toString().replace(".yml", ""), in, path.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String resource = "jobs/" + nameOrPath.replaceAll("\\.yml$", "") + ".yml";
        InputStream in = MappingLoader.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new MappingException("no mapping '" + nameOrPath + "': give a mapping name under jobs/ "
                    + "(e.g. remittances/dushanbe-express) or the path of a .yml file");
        }
        try (in) {
            return parse(nameOrPath, in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Mapping parse(String name, InputStream in, String where) {
        Map<String, Object> y;
        try {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            org.yaml.snakeyaml.nodes.Node root =
                    new Yaml(new SafeConstructor(new LoaderOptions())).compose(new java.io.StringReader(text));
            if (root == null) {
                throw new MappingException(
                        "mapping " + where + " is empty: it needs at least 'dataset:' (see jobs/README.md)");
            }
            MappingCheck.check(root, where);
            y = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            throw new MappingException("mapping " + where + ", line "
                    + (e.getProblemMark() == null ? "?" : e.getProblemMark().getLine() + 1) + ": not valid YAML ("
                    + e.getProblem() + ")");
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new MappingException("mapping " + where + " is not valid YAML ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        Map<String, List<String>> columns = new LinkedHashMap<>();
        ((Map<String, Object>) y.getOrDefault("columns", Map.of()))
                .forEach((field, aliases) -> columns.put(
                        field,
                        aliases instanceof List<?> l
                                ? l.stream().map(String::valueOf).toList()
                                : List.of(String.valueOf(aliases))));
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        ((Map<String, Object>) y.getOrDefault("values", Map.of())).forEach((field, map) -> {
            Map<String, String> m = new LinkedHashMap<>();
            ((Map<Object, Object>) map)
                    .forEach((k, v) -> m.put(String.valueOf(k).toLowerCase(), String.valueOf(v)));
            values.put(field, m);
        });
        Map<String, String> constants = new LinkedHashMap<>();
        ((Map<String, Object>) y.getOrDefault("constants", Map.of()))
                .forEach((k, v) -> constants.put(k, String.valueOf(v)));
        Mapping.Unpivot unpivot = null;
        if (y.get("unpivot") instanceof Map<?, ?> u) {
            boolean allOthers = "all_others".equals(String.valueOf(u.get("columns")));
            unpivot = new Mapping.Unpivot(
                    u.get("headers") == null ? null : Pattern.compile(String.valueOf(u.get("headers"))),
                    String.valueOf(u.get("key_field")),
                    u.get("key") == null ? "$0" : String.valueOf(u.get("key")),
                    String.valueOf(u.get("value_field")),
                    allOthers && u.get("headers") == null);
        }
        Map<String, Object> locality = (Map<String, Object>) y.getOrDefault("locality", Map.of());
        return new Mapping(
                name,
                str(y, "dataset", null),
                str(y, "format", "csv"),
                Charset.forName(str(y, "encoding", "UTF-8")),
                ch(str(y, "delimiter", ",")),
                ch(str(y, "quote", "\"")),
                str(y, "source_id", null),
                str(y, "source_field", null),
                columns,
                list(y.get("required")),
                constants,
                values,
                y.containsKey("missing") ? list(y.get("missing")) : List.of(""),
                ch(str(y, "decimal_separator", ".")),
                str(y, "thousands_separator", null),
                str(y, "timestamp_pattern", null),
                str(y, "time_zone", null),
                str(y, "date_pattern", null),
                locality.get("country") == null ? null : String.valueOf(locality.get("country")),
                str(y, "country_codes", "alpha2"),
                unpivot,
                Boolean.TRUE.equals(y.get("stop_at_blank_row")),
                str(y, "base_currency", "USD"),
                templates(y.get("templates")),
                exclusions(y.get("exclude")),
                pii(str(y, "dataset", null), y.get("pii")),
                new Mapping.Table(
                        str(y, "sheet", null),
                        Integer.parseInt(str(y, "header_row", "0")),
                        Integer.parseInt(str(y, "header_rows", "1")),
                        y.get("footer") == null ? null : Pattern.compile(String.valueOf(y.get("footer")))),
                Derivations.of((Map<String, Object>) y.getOrDefault("derive", Map.of())),
                list(y.get("levels")),
                localLevel(y.get("local_level"), list(y.get("levels"))),
                y.get("root") instanceof Map<?, ?> r
                        ? new Mapping.Root(String.valueOf(r.get("code")), String.valueOf(r.get("name")))
                        : null);
    }

    /**
     * {@code local_level:} as a level number: a number from 0, or one of the mapping's {@code levels} names
     * (case-insensitive); null when the mapping declares none.
     */
    private static Integer localLevel(Object v, List<String> levels) {
        if (v == null) {
            return null;
        }
        String s = String.valueOf(v).strip();
        if (s.matches("\\d{1,2}") && Integer.parseInt(s) <= 12) {
            return Integer.parseInt(s); // 12: the deepest level a gazetteer may have (AdminUnitNormaliser.MAX_LEVEL)
        }
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).strip().equalsIgnoreCase(s)) {
                return i;
            }
        }
        return null; // refused by MappingCheck before it gets here
    }

    /**
     * The fields that hold personal data: the mapping's {@code pii:} list, and always those of the datasets of
     * people (names, phones, ID numbers), so a mapping that forgets one still never lets it out in clear.
     */
    private static List<String> pii(String dataset, Object declared) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>(list(declared));
        if ("registry_people".equals(dataset)) {
            out.addAll(List.of("full_name", "first_name", "last_name", "phone", "national_id", "household_id"));
        } else if ("service_deliveries".equals(dataset)) {
            out.addAll(List.of("beneficiary_id", "beneficiary_name", "phone"));
        }
        return List.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Mapping.Template> templates(Object v) {
        Map<String, Mapping.Template> out = new LinkedHashMap<>();
        if (v instanceof Map<?, ?> m) {
            m.forEach((field, spec) -> {
                Map<String, String> patterns = new LinkedHashMap<>();
                ((Map<Object, Object>) spec).forEach((k, p) -> {
                    if (!"by".equals(k)) {
                        patterns.put(String.valueOf(k), String.valueOf(p));
                    }
                });
                out.put(
                        String.valueOf(field),
                        new Mapping.Template(String.valueOf(((Map<Object, Object>) spec).get("by")), patterns));
            });
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Mapping.Exclusion> exclusions(Object v) {
        List<Mapping.Exclusion> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            for (Object e : l) {
                Map<String, Object> m = (Map<String, Object>) e;
                Map<String, Pattern> when = new LinkedHashMap<>();
                ((Map<Object, Object>) m.get("when"))
                        .forEach((f, p) -> when.put(String.valueOf(f), Pattern.compile(String.valueOf(p))));
                out.add(new Mapping.Exclusion(when, String.valueOf(m.get("reason"))));
            }
        }
        return out;
    }

    private static String str(Map<String, Object> y, String key, String dflt) {
        Object v = y.get(key);
        return v == null ? dflt : String.valueOf(v);
    }

    private static List<String> list(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            l.forEach(x -> out.add(x == null ? "" : String.valueOf(x)));
        }
        return out;
    }

    private static char ch(String s) {
        if ("\\t".equals(s) || "tab".equals(s)) {
            return '\t';
        }
        return s.isEmpty() ? '\0' : s.charAt(0);
    }
}
