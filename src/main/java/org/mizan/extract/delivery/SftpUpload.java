package org.mizan.extract.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt's work on an open SFTP channel: clean a leftover {@code .NAME.part}, upload every file into a fresh
 * one, rename it to {@code NAME}. When the server cannot rename a directory, the fallback creates {@code NAME} and
 * moves each complete file into it by a file rename, {@code manifest.json} last: a file under a final name is always
 * complete, and a release is complete once its manifest is there. A {@code NAME} without a manifest is such an
 * interrupted fallback, and is removed and published again.
 */
final class SftpUpload {

    private static final Logger LOG = LoggerFactory.getLogger(SftpUpload.class);

    private final SftpClient sftp;
    private final String where;
    private final String dir;
    private final ReleaseFiles release;

    SftpUpload(SftpClient sftp, String where, String remoteDir, ReleaseFiles release) {
        this.sftp = sftp;
        this.where = where;
        this.dir = remoteDir.endsWith("/") && remoteDir.length() > 1
                ? remoteDir.substring(0, remoteDir.length() - 1)
                : remoteDir;
        this.release = release;
    }

    /** Delivers the release as {@code name}; true when it was there already with the same manifest. */
    boolean deliver(String name) throws IOException, DeliveryException {
        if (!exists(dir)) {
            throw DeliveryException.permanent("remote directory " + dir + " does not exist on " + where
                    + "; create it on the server or correct remote-dir in config/extracts.yml");
        }
        String target = dir + "/" + name;
        String temp = dir + "/" + ReleaseFiles.tempName(name);
        if (exists(target)) {
            byte[] manifest = read(target + "/" + ReleaseFiles.MANIFEST);
            if (manifest == null) {
                LOG.info("{} on {} has no manifest (an interrupted delivery): publishing it again", target, where);
                deleteTree(target);
            } else if (Arrays.equals(manifest, release.manifest())) {
                deleteTree(temp);
                return true;
            } else {
                throw DeliveryException.permanent(where + " already holds " + name + " with a different "
                        + ReleaseFiles.MANIFEST + "; a delivered release is never replaced: deliver the new release"
                        + " under a new version name");
            }
        }
        deleteTree(temp);
        upload(temp);
        publish(temp, target);
        return false;
    }

    private void upload(String temp) throws IOException {
        sftp.mkdir(temp);
        for (String sub : release.directories()) {
            sftp.mkdir(temp + "/" + sub);
        }
        for (String file : release.files()) {
            try (OutputStream out = sftp.write(temp + "/" + file)) {
                Files.copy(release.local(file), out);
            }
        }
    }

    private void publish(String temp, String target) throws IOException {
        try {
            sftp.rename(temp, target);
            return;
        } catch (SftpException e) {
            if (exists(target)) {
                throw e;
            }
            LOG.info(
                    "{} cannot rename directory {} ({}): moving its files one by one, {} last",
                    where,
                    temp,
                    e.getMessage(),
                    ReleaseFiles.MANIFEST);
        }
        sftp.mkdir(target);
        for (String sub : release.directories()) {
            sftp.mkdir(target + "/" + sub);
        }
        for (String file : release.files()) {
            sftp.rename(temp + "/" + file, target + "/" + file);
        }
        deleteTree(temp);
    }

    private boolean exists(String path) throws IOException {
        try {
            sftp.stat(path);
            return true;
        } catch (SftpException e) {
            if (missing(e)) {
                return false;
            }
            throw e;
        }
    }

    private byte[] read(String path) throws IOException {
        try (InputStream in = sftp.read(path)) {
            return in.readAllBytes();
        } catch (SftpException e) {
            if (missing(e)) {
                return null;
            }
            throw e;
        }
    }

    private void deleteTree(String path) throws IOException {
        SftpClient.Attributes attributes;
        try {
            attributes = sftp.lstat(path);
        } catch (SftpException e) {
            if (missing(e)) {
                return;
            }
            throw e;
        }
        if (!attributes.isDirectory()) {
            sftp.remove(path);
            return;
        }
        List<String> children = new ArrayList<>();
        for (SftpClient.DirEntry entry : sftp.readDir(path)) {
            if (!entry.getFilename().equals(".") && !entry.getFilename().equals("..")) {
                children.add(path + "/" + entry.getFilename());
            }
        }
        for (String child : children) {
            deleteTree(child);
        }
        sftp.rmdir(path);
    }

    private static boolean missing(SftpException e) {
        return e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE || e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH;
    }
}
