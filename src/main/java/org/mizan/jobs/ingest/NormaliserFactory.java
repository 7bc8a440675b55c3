package org.mizan.jobs.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.mizan.lake.Dataset;
import org.mizan.lake.LakeReader;
import org.mizan.normalise.AdminUnitNormaliser;
import org.mizan.normalise.CorridorAggregateNormaliser;
import org.mizan.normalise.CorridorCostNormaliser;
import org.mizan.normalise.Fields;
import org.mizan.normalise.FxRateNormaliser;
import org.mizan.normalise.Gazetteer;
import org.mizan.normalise.LoadedKeys;
import org.mizan.normalise.Normaliser;
import org.mizan.normalise.RegistryPersonNormaliser;
import org.mizan.normalise.RemittanceNormaliser;
import org.mizan.normalise.ServiceDeliveryNormaliser;
import org.mizan.pseudonym.KeyRotation;
import org.mizan.schema.AdminUnit;
import org.mizan.schema.RegistryPerson;

/** The checks of a mapping's dataset, with the reference data they need read from the lake. */
public final class NormaliserFactory {

    private NormaliserFactory() {}

    /** The checks of the context's dataset (reads the lake's reference data; writes nothing). */
    public static Normaliser forContext(IngestContext ctx) {
        Fields f = new Fields(ctx.mapping());
        return switch (ctx.dataset()) {
            case ADMIN_UNITS -> new AdminUnitNormaliser(f, () -> HierarchyPrepass.check(ctx));
            case FX_RATES -> new FxRateNormaliser(f);
            case CORRIDOR_COSTS -> new CorridorCostNormaliser(f);
            case CORRIDOR_AGGREGATES -> new CorridorAggregateNormaliser(f, gazetteer(ctx));
            case FUNDING_ENTRIES -> new org.mizan.normalise.LedgerEntryNormaliser(f, gazetteer(ctx));
            case PLAN_ALLOCATIONS -> new org.mizan.normalise.PlanAllocationNormaliser(f, gazetteer(ctx));
            case PROJECTS, PROJECT_SECTORS, PROJECT_PLACES, CODE_LIST_ITEMS ->
                throw new IllegalStateException("mapping "
                        + ctx.mapping().name() + ": dataset " + ctx.dataset().folder()
                        + " is read from XML (format iati_xml or iati_codelist)"
                        + " by job ingest-ledgers, not from a " + ctx.mapping().format() + " file");
            case REMITTANCE_TRANSACTIONS -> {
                try {
                    // taken before the keys are read: anything committed from here on is checked again at publish
                    ctx.keysSnapshot(ctx.lake().commitLogSize());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                yield new RemittanceNormaliser(f, gazetteer(ctx), LoadedKeys.of(ctx.lake(), ctx.unit()));
            }
            case REGISTRY_PEOPLE ->
                new RegistryPersonNormaliser(f, gazetteer(ctx), KeyRotation.pseudonymiserFor(ctx.home()));
            case SERVICE_DELIVERIES ->
                new ServiceDeliveryNormaliser(
                        f, gazetteer(ctx), KeyRotation.pseudonymiserFor(ctx.home()), registeredPeople(ctx));
        };
    }

    /** person_id by source and record id, for services whose beneficiary is given by the registry's record id. */
    static java.util.Map<String, String> registeredPeople(IngestContext ctx) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        try {
            new LakeReader(ctx.lake()).forEach(Dataset.REGISTRY_PEOPLE, r -> {
                RegistryPerson p = (RegistryPerson) r;
                if (p.getRecordId() != null) {
                    out.putIfAbsent(
                            ServiceDeliveryNormaliser.recordKey(p.getSourceId(), p.getRecordId()), p.getPersonId());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the registries from the lake", e);
        }
        return out;
    }

    static Gazetteer gazetteer(IngestContext ctx) {
        Gazetteer g = new Gazetteer();
        try {
            new LakeReader(ctx.lake()).forEach(Dataset.ADMIN_UNITS, r -> {
                AdminUnit u = (AdminUnit) r;
                g.add(new Gazetteer.Unit(
                        u.getUnitCode(),
                        u.getName(),
                        u.getCountry(),
                        u.getValidFrom(),
                        u.getValidTo(),
                        Gazetteer.aliases(u.getAliases())));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gazetteer from the lake", e);
        }
        return g;
    }
}
