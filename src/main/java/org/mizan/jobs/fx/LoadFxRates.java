package org.mizan.jobs.fx;

import java.nio.file.Path;
import java.util.List;
import org.mizan.jobs.JobDescriptor;
import org.springframework.stereotype.Component;

/** The catalogue's entry for {@code load-fx-rates}: one dataset, one documented mapping. */
@Component
public class LoadFxRates implements JobDescriptor {

    @Override
    public String name() {
        return LoadFxRatesJobConfiguration.NAME;
    }

    @Override
    public List<String> datasets() {
        return List.of("fx_rates");
    }

    @Override
    public String defaultMapping(Path file) {
        return "defaults/fx-rates";
    }

    @Override
    public boolean rerunsByPartition() {
        return true;
    }

    @Override
    public String help() {
        return "FX rates per US dollar (format 8) or per euro (ECB)";
    }
}
