package org.ssdbench.report.doc;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** One piece of a report. Text is plain: renderers escape it for their format. */
public sealed interface Block {

  /** A section heading, level 1 (title) to 3. */
  record Heading(int level, String text) implements Block {
    public Heading {
      if (level < 1 || level > 3) {
        throw new IllegalArgumentException("heading level must be 1, 2 or 3, got " + level + " for '" + text + "'");
      }
      Objects.requireNonNull(text, "text");
    }
  }

  /** A paragraph of plain text. */
  record Paragraph(String text) implements Block {
    public Paragraph {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A table; every row has as many cells as the header (short rows are padded with empty cells). */
  record Table(List<String> header, List<List<String>> rows) implements Block {
    public Table {
      if (header.isEmpty()) {
        throw new IllegalArgumentException("a table needs at least one column");
      }
      header = List.copyOf(header);
      int width = header.size();
      rows = rows.stream().map(row -> pad(row, width)).toList();
    }

    private static List<String> pad(List<String> row, int width) {
      if (row.size() > width) {
        throw new IllegalArgumentException("row " + row + " has " + row.size() + " cells; the header has " + width);
      }
      java.util.ArrayList<String> padded = new java.util.ArrayList<>();
      row.forEach(cell -> padded.add(cell == null ? "" : cell));
      while (padded.size() < width) {
        padded.add("");
      }
      return List.copyOf(padded);
    }
  }

  /** A chart, written beside the report as {@code png} (and SVG); Markdown links it, HTML embeds it. */
  record Chart(String caption, Path png) implements Block {
    public Chart {
      Objects.requireNonNull(caption, "caption");
      Objects.requireNonNull(png, "png");
    }
  }
}
