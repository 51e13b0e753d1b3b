package org.ssdbench.report.doc;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;

/**
 * Renders blocks as one self-contained HTML page: inline CSS, charts embedded as base64 PNG data URIs, no external
 * assets, so the file can be mailed or opened anywhere.
 */
public final class HtmlRenderer {
  private static final String CSS = String.join("\n",
      "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0 auto;max-width:1180px;",
      "padding:24px 32px;color:#222;line-height:1.45}",
      "h1{font-size:1.8em;border-bottom:2px solid #3b5bdb;padding-bottom:6px}",
      "h2{font-size:1.35em;margin-top:1.8em;border-bottom:1px solid #ddd;padding-bottom:4px}",
      "h3{font-size:1.1em;margin-top:1.4em}",
      ".scroll{overflow-x:auto;margin:8px 0 16px}",
      "table{border-collapse:collapse;font-size:0.85em}",
      "th,td{border:1px solid #ccc;padding:4px 7px;text-align:left;vertical-align:top;overflow-wrap:break-word}",
      "th{background:#eef1fb}tr:nth-child(even) td{background:#fafafa}",
      "td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}",
      "figure{margin:12px 0 24px}figure img{width:100%;max-width:1100px;height:auto;border:1px solid #eee}",
      "figcaption{font-size:0.9em;color:#555}");

  public String render(String title, List<Block> blocks) throws IOException {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(CSS).append("\n</style>\n")
        .append("</head>\n<body>\n");
    for (Block block : blocks) {
      if (block instanceof Block.Heading h) {
        html.append("<h").append(h.level()).append('>').append(escape(h.text())).append("</h").append(h.level())
            .append(">\n");
      } else if (block instanceof Block.Paragraph p) {
        html.append("<p>").append(escape(p.text())).append("</p>\n");
      } else if (block instanceof Block.Table t) {
        table(html, t);
      } else if (block instanceof Block.Chart c) {
        String data = Base64.getEncoder().encodeToString(Files.readAllBytes(c.png()));
        html.append("<figure><img alt=\"").append(escape(c.caption())).append("\" src=\"data:image/png;base64,")
            .append(data).append("\"><figcaption>").append(escape(c.caption())).append("</figcaption></figure>\n");
      }
    }
    return html.append("</body>\n</html>\n").toString();
  }

  private static void table(StringBuilder html, Block.Table t) {
    html.append("<div class=\"scroll\"><table>\n<thead><tr>");
    t.header().forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
    html.append("</tr></thead>\n<tbody>\n");
    boolean[] numeric = numericColumns(t);
    for (List<String> row : t.rows()) {
      html.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        html.append(numeric[i] ? "<td class=\"num\">" : "<td>").append(escape(row.get(i))).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody></table></div>\n");
  }

  /** Columns whose non-empty cells are all numbers are right-aligned. */
  private static boolean[] numericColumns(Block.Table t) {
    boolean[] numeric = new boolean[t.header().size()];
    for (int i = 0; i < numeric.length; i++) {
      int column = i;
      numeric[i] = t.rows().stream().map(r -> r.get(column)).allMatch(c -> c.isEmpty() || isNumber(c))
          && t.rows().stream().anyMatch(r -> !r.get(column).isEmpty());
    }
    return numeric;
  }

  private static boolean isNumber(String cell) {
    return cell.matches("[-+]?[0-9][0-9,]*(\\.[0-9]+)?(x|%| ms| \u00b5s)?");
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
