package org.mizan.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mizan.config.UsageException;
import org.springframework.beans.BeanUtils;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.type.ClassMetadata;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The jobs that load delivered files, by name, from their packages' {@link JobDescriptor}s: what the commands
 * validate a job name against, list in their help, and ask for a job's datasets and default mapping. In the
 * application it is a bean over the descriptor beans; before the application starts (a usage error, a help text)
 * {@link #standard()} finds the same descriptors on the class path.
 */
@Component
public final class JobCatalogue {

    private final Map<String, JobDescriptor> byName = new LinkedHashMap<>();

    /** @param descriptors every job package's descriptor; listed here by name */
    public JobCatalogue(List<JobDescriptor> descriptors) {
        List<JobDescriptor> sorted = new ArrayList<>(descriptors);
        sorted.sort(Comparator.comparing(JobDescriptor::name));
        for (JobDescriptor d : sorted) {
            JobDescriptor other = byName.put(d.name(), d);
            if (other != null) {
                throw new IllegalStateException("two job descriptors name the job '" + d.name() + "': "
                        + other.getClass().getName() + " and " + d.getClass().getName());
            }
        }
    }

    /** The catalogue of the job packages on the class path (found once, then kept). */
    public static JobCatalogue standard() {
        return Standard.CATALOGUE;
    }

    private static final class Standard {
        static final JobCatalogue CATALOGUE = new JobCatalogue(scan());
    }

    /**
     * The classes under this package that extend {@link JobDescriptor} directly, one of each made with its
     * constructor without arguments. Only the class path root that holds this class is read (its classes folder or
     * jar), not every jar of the class path.
     */
    private static List<JobDescriptor> scan() {
        ClassLoader loader = JobCatalogue.class.getClassLoader();
        String self = JobCatalogue.class.getSimpleName() + ".class";
        String here = JobCatalogue.class.getResource(self).toString();
        String pattern = here.substring(0, here.length() - self.length()) + "**/*.class";
        ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(loader);
        MetadataReaderFactory readers = new SimpleMetadataReaderFactory(resolver);
        List<JobDescriptor> found = new ArrayList<>();
        try {
            for (Resource r : resolver.getResources(pattern)) {
                ClassMetadata type = readers.getMetadataReader(r).getClassMetadata();
                if (type.isConcrete()
                        && type.isIndependent()
                        && JobDescriptor.class.getName().equals(type.getSuperClassName())) {
                    found.add((JobDescriptor)
                            BeanUtils.instantiateClass(ClassUtils.resolveClassName(type.getClassName(), loader)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the job packages under " + pattern, e);
        }
        return found;
    }

    /** Every job, by name in alphabetical order. */
    public List<JobDescriptor> jobs() {
        return List.copyOf(byName.values());
    }

    /** The jobs' names, in alphabetical order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** The names of the jobs whose partitions a steward may read again (rerun --job, backfill). */
    public List<String> partitionJobs() {
        return byName.values().stream()
                .filter(JobDescriptor::rerunsByPartition)
                .map(JobDescriptor::name)
                .toList();
    }

    /** The names of the jobs that load several files of one delivery as partitions, in one run. */
    public List<String> partitionedJobs() {
        return byName.values().stream()
                .filter(d -> d.partitionedJob().isPresent())
                .map(JobDescriptor::name)
                .toList();
    }

    /** The job whose data approval workflows call {@code approvalName} ({@code remittances}, …), if any. */
    public Optional<JobDescriptor> byApprovalName(String approvalName) {
        return byName.values().stream()
                .filter(d -> d.approvalName().filter(approvalName::equals).isPresent())
                .findFirst();
    }

    /** The names approval workflows give the jobs' data, in the catalogue's order. */
    public List<String> approvalNames() {
        return byName.values().stream().flatMap(d -> d.approvalName().stream()).toList();
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    public Optional<JobDescriptor> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The job of that name; a usage error listing the jobs when there is none. */
    public JobDescriptor require(String name) {
        JobDescriptor d = byName.get(name);
        if (d == null) {
            throw new UsageException("unknown job '" + name + "': choose one of " + names());
        }
        return d;
    }

    /** The job of that name if a steward may rerun its partitions; a usage error listing those jobs otherwise. */
    public JobDescriptor requirePartitionJob(String name) {
        JobDescriptor d = byName.get(name);
        if (d == null || !d.rerunsByPartition()) {
            throw new UsageException("unknown job '" + name + "': choose one of " + partitionJobs());
        }
        return d;
    }

    /** "a, b or c": the names for a help text. */
    public static String spoken(List<String> names) {
        if (names.size() < 2) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
