package org.mizan.jobs.ledgers;

import java.io.IOException;
import java.nio.file.Path;
import org.mizan.normalise.Outcome;
import org.mizan.normalise.Reject;
import org.mizan.normalise.Rule;
import org.mizan.schema.CodeListItem;
import org.mizan.source.iati.CodeListReader;

/** An IATI code list file's items as code-list records (an item without a code is rejected). */
final class CodeListItems {

    private CodeListItems() {}

    /** The file read item by item for the ingest step. */
    static FileItemReader<CodeListReader, Outcome> reader(Path file) {
        String name = file.getFileName().toString();
        return new FileItemReader<>(file, CodeListReader::new, reader -> next(reader, name));
    }

    /** The next item as a record or a reject, or null at the end. */
    private static Outcome next(CodeListReader reader, String name) throws IOException {
        CodeListReader.Item item = reader.next();
        if (item == null) {
            return null;
        }
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
}
