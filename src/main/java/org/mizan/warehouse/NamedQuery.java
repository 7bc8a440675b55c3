package org.mizan.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A query kept under {@code warehouse/named/} with its name, description and parameters in its header comments
 * ({@code -- name:}, {@code -- description:}, {@code -- param: NAME what it is}). In the SQL a parameter is
 * written {@code :name}; it is bound as a prepared statement's value (text, or NULL when not given), never pasted
 * into the SQL.
 */
public record NamedQuery(String name, String description, Map<String, String> params, String sql) {

    private static final Pattern PARAM = Pattern.compile("(?<![:\\w]):([a-z_]+)\\b");

    /** Every named query, by name. */
    public static Map<String, NamedQuery> all() {
        Map<String, NamedQuery> out = new TreeMap<>();
        try {
            for (Resource r :
                    new PathMatchingResourcePatternResolver().getResources("classpath*:warehouse/named/*.sql")) {
                try (InputStream in = r.getInputStream()) {
                    NamedQuery q = parse(r.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    out.put(q.name(), q);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the named queries", e);
        }
        return out;
    }

    public static NamedQuery parse(String file, String text) {
        String name = null;
        String description = "";
        Map<String, String> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.startsWith("-- name:")) {
                name = t.substring("-- name:".length()).strip();
            } else if (t.startsWith("-- description:")) {
                description = t.substring("-- description:".length()).strip();
            } else if (t.startsWith("-- param:")) {
                String[] p = t.substring("-- param:".length()).strip().split("\\s+", 2);
                params.put(p[0], p.length > 1 ? p[1] : "");
            } else if (!t.startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        if (name == null) {
            throw new IllegalStateException("warehouse/named/" + file + " has no '-- name:' line");
        }
        Matcher m = PARAM.matcher(sql);
        while (m.find()) {
            if (!params.containsKey(m.group(1))) {
                throw new IllegalStateException("warehouse/named/" + file + " uses :" + m.group(1)
                        + " but declares no '-- param: " + m.group(1) + "'");
            }
        }
        return new NamedQuery(name, description, params, sql.toString().strip().replaceAll(";\\s*$", ""));
    }

    /** The SQL with each {@code :param} as a {@code ?}, and the values to bind to them in order. */
    public Bound bind(Map<String, String> values) {
        for (String k : values.keySet()) {
            if (!params.containsKey(k)) {
                throw new IllegalArgumentException(
                        "query " + name + " takes no parameter '" + k + "' (it takes " + params.keySet() + ")");
            }
        }
        List<String> order = new ArrayList<>();
        Matcher m = PARAM.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            order.add(values.get(m.group(1)));
            m.appendReplacement(out, "cast(? as varchar)");
        }
        m.appendTail(out);
        return new Bound(out.toString(), order);
    }

    /** A named query ready to run: SQL with placeholders and their values. */
    public record Bound(String sql, List<String> values) {}
}
