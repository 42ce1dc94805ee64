package dev.backstage4j.adoption;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Saves runs as snapshot files and loads them back, for {@link SnapshotDiff} and {@link Trend}. A snapshot is the
 * result JSON ({@link ScorecardResult#toJson()}) in a file named {@code adoption-<UTC time>.json}.
 */
public final class Snapshots {
  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("'adoption-'yyyyMMdd'T'HHmmss'Z.json'").withZone(ZoneOffset.UTC);

  private Snapshots() {}

  /**
   * Writes the result into the directory (created if missing) and returns the file.
   *
   * @param result the run to save
   * @param directory the snapshot directory
   * @return the written file
   * @throws ScorecardFileException if the file cannot be written
   */
  public static Path save(ScorecardResult result, Path directory) {
    Path file = directory.resolve(NAME.format(result.generatedAt()));
    try {
      Files.createDirectories(directory);
      Path tmp = Files.createTempFile(directory, ".adoption-", ".tmp");
      Files.writeString(tmp, result.toJson(), StandardCharsets.UTF_8);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ScorecardFileException(file.toString(), 0, "cannot write snapshot: " + e.getMessage());
    }
    return file;
  }

  /**
   * {@return every snapshot in the directory ({@code adoption-*.json}), oldest first; empty if the directory does
   * not exist}
   *
   * @param directory the snapshot directory
   * @throws ScorecardFileException naming a file that is not a valid snapshot
   */
  public static List<ScorecardResult> loadAll(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<ScorecardResult> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      files.filter(f -> f.getFileName().toString().matches("adoption-.*\\.json")).sorted()
          .forEach(f -> out.add(ScorecardResult.readJson(f)));
    } catch (IOException e) {
      throw new ScorecardFileException(directory.toString(), 0, "cannot list snapshots: " + e.getMessage());
    }
    out.sort(Comparator.comparing(ScorecardResult::generatedAt));
    return List.copyOf(out);
  }
}
