package dev.backstage4j.scaffolder.internal;

import dev.backstage4j.scaffolder.UnsafePathException;
import java.io.IOException;
import java.io.OutputStream;
import dev.backstage4j.core.BackstageException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes server-produced files below a target directory without ever writing outside it. Every path is checked
 * before the first byte is written: absolute paths, drive letters, backslashes, {@code ..} segments, NUL bytes,
 * and any symbolic link on the way (in the target, or as the file itself) are rejected.
 */
public final class SafeFiles {
  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

  private SafeFiles() {}

  /** A file to write: relative path with '/' separators, content and executable flag. */
  public static final class Entry {
    final String path;
    final byte[] content;
    final boolean executable;

    /** Creates an entry; the content array is used as is. */
    public Entry(String path, byte[] content, boolean executable) {
      this.path = path;
      this.content = content;
      this.executable = executable;
    }
  }

  /** Checks a relative path and returns where it lands below {@code root}; throws UnsafePathException otherwise. */
  public static Path resolve(Path root, String path) {
    if (path == null || path.isEmpty()) {
      throw new UnsafePathException(String.valueOf(path), "empty path");
    }
    if (path.indexOf('\0') >= 0) {
      throw new UnsafePathException(path.replace('\0', '?'), "contains a NUL byte");
    }
    if (path.startsWith("/") || path.startsWith("\\") || DRIVE.matcher(path).matches()) {
      throw new UnsafePathException(path, "absolute paths are not allowed");
    }
    if (path.indexOf('\\') >= 0) {
      throw new UnsafePathException(path, "backslashes are not allowed (use '/')");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.equals("..")) {
        throw new UnsafePathException(path, "'..' segments are not allowed");
      }
      if (segment.isEmpty() || segment.equals(".")) {
        throw new UnsafePathException(path, "empty or '.' segments are not allowed");
      }
    }
    Path resolved = root.resolve(path).normalize();
    if (!resolved.startsWith(root) || resolved.equals(root)) {
      throw new UnsafePathException(path, "resolves outside " + root);
    }
    // no symbolic link anywhere between the root and the file, including the file itself
    for (Path p = resolved; !p.equals(root); p = p.getParent()) {
      if (Files.isSymbolicLink(p)) {
        throw new UnsafePathException(path, "'" + root.relativize(p) + "' is a symbolic link");
      }
      if (p.equals(resolved) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        throw new UnsafePathException(path, "a directory of that name exists");
      }
    }
    return resolved;
  }

  /**
   * Writes all entries below {@code target} (created if missing) after checking every path first; returns the
   * written files in order.
   */
  public static List<Path> writeAll(Path target, List<Entry> entries) {
    Path root;
    try {
      Files.createDirectories(target);
      root = target.toRealPath();
    } catch (IOException e) {
      throw new BackstageException("cannot create target directory " + target, e);
    }
    List<Path> paths = new ArrayList<>();
    Set<Path> seen = new java.util.HashSet<>();
    for (Entry entry : entries) {
      Path p = resolve(root, entry.path);
      if (!seen.add(p)) {
        throw new UnsafePathException(entry.path, "the same file is produced twice");
      }
      paths.add(p);
    }
    checkFoldersAreFree(root, entries, paths, seen);
    List<Path> created = new ArrayList<>();
    try {
      for (int i = 0; i < entries.size(); i++) {
        if (!Files.exists(paths.get(i), LinkOption.NOFOLLOW_LINKS)) {
          created.add(paths.get(i));
        }
        write(root, entries.get(i), paths.get(i));
      }
    } catch (RuntimeException e) {
      // All or nothing: take back the files this call created (a disk that filled up, a permission).
      for (Path p : created) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // best effort; the exception below says what failed
        }
      }
      throw e;
    }
    return List.copyOf(paths);
  }

  /**
   * A file's folders must not be another produced file ({@code a} and {@code a/b}) nor an existing non-folder:
   * found before anything is written, so such a result writes nothing.
   */
  private static void checkFoldersAreFree(Path root, List<Entry> entries, List<Path> paths, Set<Path> files) {
    for (int i = 0; i < entries.size(); i++) {
      for (Path dir = paths.get(i).getParent(); !dir.equals(root); dir = dir.getParent()) {
        if (files.contains(dir)) {
          throw new UnsafePathException(entries.get(i).path, "'" + root.relativize(dir)
              + "' is produced as a file too, so it cannot also be a folder");
        }
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
          throw new UnsafePathException(entries.get(i).path, "'" + root.relativize(dir)
              + "' exists and is not a folder");
        }
      }
    }
  }

  private static void write(Path root, Entry entry, Path p) {
    {
      try {
        createParents(root, p.getParent(), entry.path);
        try (OutputStream out = Files.newOutputStream(p, LinkOption.NOFOLLOW_LINKS, StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
          out.write(entry.content);
        }
        if (entry.executable && Files.getFileStore(p).supportsFileAttributeView("posix")) {
          Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(p));
          perms.add(PosixFilePermission.OWNER_EXECUTE);
          Files.setPosixFilePermissions(p, perms);
        }
      } catch (FileSystemException e) {
        throw new UnsafePathException(entry.path, "could not be written safely (" + e.getMessage() + ")");
      } catch (IOException e) {
        throw new BackstageException("cannot write " + p, e);
      }
    }
  }

  private static void createParents(Path root, Path dir, String path) throws IOException {
    if (dir.equals(root)) {
      return;
    }
    createParents(root, dir.getParent(), path);
    if (Files.isSymbolicLink(dir)) {
      throw new UnsafePathException(path, "'" + root.relativize(dir) + "' is a symbolic link");
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectory(dir);
    }
  }
}
