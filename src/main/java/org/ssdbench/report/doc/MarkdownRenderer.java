package org.ssdbench.report.doc;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders blocks as GitHub-flavoured Markdown; charts are linked by their path relative to the report's folder. Text
 * never passes raw HTML through: {@code <}, {@code >} and {@code &} from benchmark names, params or files become
 * entities, so a name such as {@code <img onerror=...>} shows as text.
 */
public final class MarkdownRenderer {
  private final Path reportDir;

  public MarkdownRenderer(Path reportDir) {
    this.reportDir = reportDir;
  }

  public String render(List<Block> blocks) {
    StringBuilder md = new StringBuilder();
    for (Block block : blocks) {
      if (block instanceof Block.Heading h) {
        md.append("#".repeat(h.level())).append(' ').append(html(h.text())).append("\n\n");
      } else if (block instanceof Block.Paragraph p) {
        md.append(html(p.text())).append("\n\n");
      } else if (block instanceof Block.Table t) {
        md.append(row(t.header()));
        md.append(t.header().stream().map(c -> "---").collect(Collectors.joining(" | ", "| ", " |\n")));
        t.rows().forEach(r -> md.append(row(r)));
        md.append('\n');
      } else if (block instanceof Block.Chart c) {
        String link = reportDir.relativize(c.png()).toString().replace('\\', '/');
        md.append("![").append(cell(c.caption())).append("](").append(link).append(")\n\n");
      }
    }
    return md.toString();
  }

  private static String row(List<String> cells) {
    return cells.stream().map(MarkdownRenderer::cell).collect(Collectors.joining(" | ", "| ", " |\n"));
  }

  /** Raw HTML as text: Markdown shows entities as the characters. */
  static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String cell(String text) {
    return html(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("[", "\\[").replace("]", "\\]");
  }
}
