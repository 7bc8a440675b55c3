package org.mizan.cli;

import java.util.concurrent.Callable;
import org.mizan.config.MizanHome;
import org.mizan.pseudonym.KeyRotation;
import org.mizan.warehouse.Warehouse;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mizan rotate-key}: a new pseudonym key, and every stored person_id re-keyed to it. */
@Command(
        name = "rotate-key",
        mixinStandardHelpOptions = true,
        header = "Re-keys every stored pseudonym with a new key.",
        description = {
            "Appends a new key to the pseudonym key chain (MIZAN_HOME/keys) and re-keys",
            "every stored person_id (registry_people, service_deliveries) as",
            "HMAC(new key, old person_id), partition by partition through the lake's",
            "commit journal; then rebuilds the warehouse and drops the older builds.",
            "Links between records are kept; no clear identity is needed. A rotation",
            "cut short is finished by running the command again. Run it while no",
            "registry load runs, and back up the keys folder afterwards (jobs/README.md)."
        })
public class RotateKeyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        KeyRotation rotation = new KeyRotation(MizanHome.fromEnvironment());
        // marked first: a registry load that starts from now on refuses, and one already started is seen running
        rotation.begin();
        try (JobRunner runner = new JobRunner(spec.commandLine().getErr())) {
            var running = runner.repository().findRunningJobExecutions(org.mizan.jobs.registries.IngestRegistries.NAME);
            if (!running.isEmpty()) {
                rotation.abandonBegun();
                throw new MizanMain.UsageException("registry load(s) "
                        + running.stream()
                                .map(e -> String.valueOf(e.getId()))
                                .sorted()
                                .toList() + " are running: rotate the key when they have finished (./mizan status)");
            }
        }
        KeyRotation.Result r;
        try {
            r = rotation.rotate();
        } catch (IllegalStateException e) {
            rotation.abandonBegun();
            throw new MizanMain.UsageException(e.getMessage());
        }
        // the lake now holds the new person_ids: a build of it, and no earlier build that holds the old ones
        Warehouse warehouse = new Warehouse(MizanHome.fromEnvironment());
        warehouse.rebuild();
        warehouse.dropOlderBuilds();
        spec.commandLine()
                .getOut()
                .println((r.resumed() ? "finished an interrupted rotation: " : "rotated: ")
                        + "key version " + r.fromVersion() + " -> " + r.toVersion() + ", " + r.files()
                        + " lake files rewritten"
                        + (r.resumed() ? "" : ", " + r.personIds() + " person_ids re-keyed") + "; warehouse rebuilt");
        return MizanMain.OK;
    }
}
