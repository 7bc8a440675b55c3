package org.mizan.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mizan.config.UsageException;

/** Recognises an XML file by its root element's name, read from the file's head without parsing it. */
public final class LedgerFormats {

    // the first element start that is not a declaration, processing instruction or comment
    private static final Pattern ROOT = Pattern.compile("<([A-Za-z_][\\w.-]*:)?([A-Za-z_][\\w.-]*)");

    private LedgerFormats() {}

    /** The root element's local name, or null when the file does not start as XML. */
    public static String xmlRoot(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException(file + ": no such file. Check the path given as file=.");
        }
        String head;
        try (InputStream in = org.mizan.source.InputFiles.openXml(file)) {
            head = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8).replace("\uFEFF", "");
        } catch (org.mizan.source.MappingException e) {
            return null; // not XML nor text: the load refuses it and says what it is
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read its head (" + e.getMessage() + ").");
        }
        String s = head.stripLeading();
        if (!s.startsWith("<")) {
            return null;
        }
        // drop comments, the declaration, processing instructions and a DOCTYPE's opening (the reader refuses DOCTYPEs)
        s = s.replaceAll("(?s)<!--.*?-->", "")
                .replaceAll("(?s)<\\?.*?\\?>", "")
                .replaceAll("(?s)<!DOCTYPE[^\\[>]*(\\[.*?\\])?\\s*>", "");
        Matcher m = ROOT.matcher(s);
        return m.find() ? m.group(2) : null;
    }
}
