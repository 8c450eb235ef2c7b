package cn.gongkai.report;

import java.util.List;

/**
 * The annual report (政府信息公开工作年度报告) in the 2021 format, ready for a writer: a title, a preamble with the
 * statistical period, and the six sections, each a list of blocks.
 */
public record AnnualReport(int year, String unit, String title, List<String> preamble, List<Section> sections) {
    public AnnualReport {
        preamble = List.copyOf(preamble);
        sections = List.copyOf(sections);
        if (sections.size() != Format2021.SECTIONS.size()) {
            throw new IllegalArgumentException("an annual report has six sections, got " + sections.size());
        }
    }

    /** A level-1 section: its heading (一、总体情况 …) and its blocks. */
    public record Section(String heading, List<Block> blocks) {
        public Section {
            blocks = List.copyOf(blocks);
        }
    }

    /** A paragraph, a level-2 heading or a table. */
    public sealed interface Block permits Paragraph, Heading, Table {
        /** "paragraph", "heading" or "table", for templates. */
        String kind();
    }

    public record Paragraph(String text) implements Block {
        public Paragraph {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("paragraph text must not be blank");
            }
        }

        @Override
        public String kind() {
            return "paragraph";
        }
    }

    /** A level-2 heading such as （一）主动公开情况. */
    public record Heading(String text) implements Block {
        @Override
        public String kind() {
            return "heading";
        }
    }

    public record Table(ReportTable table) implements Block {
        @Override
        public String kind() {
            return "table";
        }
    }

    /** Every paragraph of the report with where it stands, for the prose checks. */
    public List<Located> paragraphs() {
        List<Located> out = new java.util.ArrayList<>();
        for (int i = 0; i < preamble.size(); i++) {
            out.add(new Located("前言第 " + (i + 1) + " 段", preamble.get(i)));
        }
        for (Section s : sections) {
            int n = 0;
            for (Block b : s.blocks()) {
                if (b instanceof Paragraph p) {
                    out.add(new Located(s.heading() + " 第 " + (++n) + " 段", p.text()));
                }
            }
        }
        return out;
    }

    /** A paragraph and where it stands (section and paragraph number). */
    public record Located(String where, String text) {
    }
}
