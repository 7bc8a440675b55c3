package org.mizan.jobs.gazetteer;

import java.nio.file.Path;
import java.util.List;
import org.mizan.jobs.JobDescriptor;
import org.springframework.stereotype.Component;

/** The catalogue's entry for {@code load-gazetteer}: one dataset, one documented mapping. */
@Component
public class LoadGazetteer implements JobDescriptor {

    @Override
    public String name() {
        return LoadGazetteerJobConfiguration.NAME;
    }

    @Override
    public List<String> datasets() {
        return List.of("admin_units");
    }

    @Override
    public String defaultMapping(Path file) {
        return "defaults/admin-units";
    }

    @Override
    public boolean rerunsByPartition() {
        return true;
    }

    @Override
    public String help() {
        return "the admin units and their hierarchy (format 1)";
    }
}
