package org.ssdbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies a report's charts into a shared plots folder (the repository's {@code plots/}), each named {@code
 * <run folder name>-<chart file name>} so runs never collide. An existing plot is kept, and reported as skipped, unless
 * overwriting was asked for.
 *
 * <pre>{@code
 * List<Path> written = new ReportWriter(false).write(folder);
 * PlotCopier.Copied copied = new PlotCopier(Path.of("plots"), false).copy(folder.dir(), written);
 * }</pre>
 */
public final class PlotCopier {
  /** What a copy did: the plots written and the existing ones it left alone. */
  public record Copied(List<Path> written, List<Path> skipped) {
    public Copied {
      written = List.copyOf(written);
      skipped = List.copyOf(skipped);
    }
  }

  private final Path plotsDir;
  private final boolean overwrite;

  public PlotCopier(Path plotsDir, boolean overwrite) {
    this.plotsDir = plotsDir;
    this.overwrite = overwrite;
  }

  /** Copies the PNG and SVG files among {@code files} (other files are ignored), prefixed with the run's name. */
  public Copied copy(Path runDir, List<Path> files) throws IOException {
    String prefix = runDir.toAbsolutePath().normalize().getFileName() + "-";
    Files.createDirectories(plotsDir);
    List<Path> written = new ArrayList<>();
    List<Path> skipped = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (!name.endsWith(".png") && !name.endsWith(".svg")) {
        continue;
      }
      Path target = plotsDir.resolve(prefix + name);
      if (Files.exists(target) && !overwrite) {
        skipped.add(target);
        continue;
      }
      written.add(Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING));
    }
    return new Copied(written, skipped);
  }
}
