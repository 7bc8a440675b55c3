package org.mizan.jobs.ledgers;

import java.io.IOException;
import java.nio.file.Path;
import org.mizan.normalise.Outcome;
import org.mizan.normalise.Reject;
import org.mizan.normalise.Rule;
import org.mizan.schema.CodeListItem;
import org.mizan.source.iati.CodeListReader;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/** Reads an IATI code list file item by item as code-list records (an item without a code is rejected). */
final class CodeListItemReader implements ItemStreamReader<Outcome> {

    private final Path file;
    private CodeListReader reader;

    CodeListItemReader(Path file) {
        this.file = file;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        try {
            reader = new CodeListReader(file);
        } catch (IOException e) {
            throw new ItemStreamException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Outcome read() throws IOException {
        CodeListReader.Item item = reader.next();
        if (item == null) {
            return null;
        }
        String name = file.getFileName().toString();
        if (item.code() == null || item.code().isEmpty()) {
            return Outcome.rejected(
                    new Reject(name, item.line(), Rule.REQUIRED, "codelist-item without a code", "codelist-item"));
        }
        return Outcome.of(CodeListItem.newBuilder()
                .setCodeList(reader.listName())
                .setCode(item.code())
                .setName(item.name())
                .setCategory(item.category())
                .setStatus(item.status())
                .setPeriod("all")
                .setSourceId("iati-codelists")
                .setSourceFile(name)
                .setSourceLine(item.line())
                .build());
    }

    @Override
    public void close() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                throw new ItemStreamException(e);
            }
        }
    }
}
