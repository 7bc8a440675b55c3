package org.mizan.dashboard.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.mizan.config.MizanHome;
import org.mizan.dashboard.Scope;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.yaml.snakeyaml.Yaml;

/**
 * The dashboard's users, from {@code mizan.dashboard.users} (env MIZAN_DASHBOARD_USERS), else
 * {@code MIZAN_HOME/dashboard-users.yml}, else the packaged {@code config/dashboard-users.yml}: a name, a bcrypt
 * password hash, a role ({@code national} or {@code regional}) and, for a regional user, its region (level 1); and
 * optionally the {@code approver} role: the unit whose figures (and those below it) the user approves.
 */
public final class DashboardUsers implements UserDetailsService {

    private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}$");
    private static final Pattern REGION = Pattern.compile("^[A-Za-z0-9_.-]{1,64}$");

    /** One user: name, bcrypt hash, and what it may see. */
    record Account(String name, String hash, Scope scope, String approves) {}

    private final Map<String, Account> accounts;
    private final String location;

    private DashboardUsers(Map<String, Account> accounts, String location) {
        this.accounts = accounts;
        this.location = location;
    }

    /** Reads the users from the configured file ({@code configured} blank: the home's, else the packaged one). */
    public static DashboardUsers load(String configured, MizanHome home) {
        try {
            if (configured != null && !configured.isBlank()) {
                Path p = Path.of(configured);
                if (!Files.isRegularFile(p)) {
                    throw new IllegalStateException(
                            "mizan.dashboard.users is " + p + ", which is not a file: give the users file's path");
                }
                try (InputStream in = Files.newInputStream(p)) {
                    return parse(in, p.toString());
                }
            }
            Path inHome = home.root().resolve("dashboard-users.yml");
            if (Files.isRegularFile(inHome)) {
                try (InputStream in = Files.newInputStream(inHome)) {
                    return parse(in, inHome.toString());
                }
            }
            try (InputStream in = new ClassPathResource("config/dashboard-users.yml").getInputStream()) {
                return parse(in, "the packaged config/dashboard-users.yml");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboard's users", e);
        }
    }

    @SuppressWarnings("unchecked")
    static DashboardUsers parse(InputStream in, String where) {
        Object doc = new Yaml().load(in);
        Map<String, Account> out = new LinkedHashMap<>();
        Object list = doc instanceof Map<?, ?> m ? m.get("users") : null;
        if (list == null) {
            return new DashboardUsers(out, where);
        }
        if (!(list instanceof List<?>)) {
            throw new IllegalStateException(where + ": 'users' must be a list of {name, password, role, region}");
        }
        int i = 0;
        for (Object o : (List<Object>) list) {
            i++;
            Map<String, Object> u = o instanceof Map<?, ?> mm ? (Map<String, Object>) mm : Map.of();
            String name = String.valueOf(u.getOrDefault("name", ""));
            String hash = String.valueOf(u.getOrDefault("password", ""));
            String role = String.valueOf(u.getOrDefault("role", ""));
            Object region = u.get("region");
            String what = where + ", user " + i + " (" + name + ")";
            if (name.isBlank()) {
                throw new IllegalStateException(what + ": no name");
            }
            if (!BCRYPT.matcher(hash).matches()) {
                throw new IllegalStateException(what + ": password must be a bcrypt hash ($2a$10$…, 60 characters):"
                        + " make one with  echo -n 'the password' | ./mizan dashboard --bcrypt");
            }
            Scope scope;
            if ("national".equals(role)) {
                scope = Scope.national(name);
            } else if ("regional".equals(role)) {
                if (region == null || !REGION.matcher(region.toString()).matches()) {
                    throw new IllegalStateException(
                            what + ": a regional user needs its region's code (level 1, e.g. region: NP-P1)");
                }
                scope = Scope.regional(name, region.toString());
            } else {
                throw new IllegalStateException(
                        what + ": role is '" + role + "': national (everything) or regional (one region)");
            }
            Object approver = u.get("approver");
            if (approver != null && !REGION.matcher(approver.toString()).matches()) {
                throw new IllegalStateException(
                        what + ": approver must be the code of the unit the user approves (e.g. approver: NP-P1)");
            }
            if (out.put(name, new Account(name, hash, scope, approver == null ? null : approver.toString())) != null) {
                throw new IllegalStateException(what + ": the name is given twice");
            }
        }
        return new DashboardUsers(out, where);
    }

    /** The scope of a signed-in user (null when there is no such user). */
    public Scope scope(String name) {
        Account a = accounts.get(name);
        return a == null ? null : a.scope();
    }

    /** The unit a user's approver role covers (null: the user has no approver role, or there is no such user). */
    public String approverUnit(String name) {
        Account a = accounts.get(name);
        return a == null ? null : a.approves();
    }

    public int size() {
        return accounts.size();
    }

    public String location() {
        return location;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Account a = accounts.get(username);
        if (a == null) {
            throw new UsernameNotFoundException("no dashboard user " + username);
        }
        return User.withUsername(a.name())
                .password("{bcrypt}" + a.hash())
                .roles(a.scope().isNational() ? "NATIONAL" : "REGIONAL")
                .build();
    }
}
