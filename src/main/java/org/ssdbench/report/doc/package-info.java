/**
 * A report as a list of {@link org.ssdbench.report.doc.Block}s (headings, paragraphs, tables, charts) and two renderers
 * of it: Markdown ({@link org.ssdbench.report.doc.MarkdownRenderer}) and one self-contained HTML page ({@link
 * org.ssdbench.report.doc.HtmlRenderer}, charts embedded as base64 PNG).
 */
package org.ssdbench.report.doc;
