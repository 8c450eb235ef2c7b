package cn.gongkai.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A report table as a grid of cells with row and column spans (HTML semantics): a cell covers the positions to its
 * right ({@code colspan}) and below ({@code rowspan}); covered positions have no cell of their own.
 *
 * @param columns the number of grid columns
 * @param headerRows how many leading rows are header rows
 */
public record ReportTable(String name, int columns, int headerRows, List<List<Cell>> rows) {
    public ReportTable {
        rows = rows.stream().map(List::copyOf).toList();
        if (columns < 1 || headerRows < 0 || headerRows > rows.size()) {
            throw new IllegalArgumentException("table " + name + ": bad columns " + columns + " or header rows "
                    + headerRows);
        }
        String[][] grid = expand(name, columns, rows);
        for (int r = 0; r < grid.length; r++) {
            for (int c = 0; c < columns; c++) {
                if (grid[r][c] == null) {
                    throw new IllegalArgumentException("table " + name + ": row " + (r + 1) + " column " + (c + 1)
                            + " is covered by no cell");
                }
            }
        }
    }

    /**
     * One cell.
     *
     * @param number true for a data cell (a count or an amount), false for a label
     */
    public record Cell(String text, int rowspan, int colspan, boolean number) {
        public Cell {
            if (text == null) {
                throw new IllegalArgumentException("cell text must not be null");
            }
            if (rowspan < 1 || colspan < 1) {
                throw new IllegalArgumentException("cell spans must be at least 1: " + text);
            }
        }

        static Cell label(String text) {
            return new Cell(text, 1, 1, false);
        }

        static Cell label(String text, int rowspan, int colspan) {
            return new Cell(text, rowspan, colspan, false);
        }

        static Cell number(Num n) {
            return new Cell(n.text(), 1, 1, true);
        }

        static Cell number(Num n, int colspan) {
            return new Cell(n.text(), 1, colspan, true);
        }
    }

    /** The grid with every position filled: a spanned cell's text at its origin, "" at the positions it covers. */
    public List<List<String>> matrix() {
        String[][] grid = expand(name, columns, rows);
        List<List<String>> out = new ArrayList<>();
        for (String[] row : grid) {
            List<String> r = new ArrayList<>();
            for (String s : row) {
                r.add(s.startsWith("\0") ? "" : s);
            }
            out.add(r);
        }
        return out;
    }

    /** Every cell with its grid position, row by row: what a writer that needs positions (Word) iterates. */
    public List<Placed> placed() {
        List<Placed> out = new ArrayList<>();
        boolean[][] taken = new boolean[rows.size()][columns];
        for (int r = 0; r < rows.size(); r++) {
            int c = 0;
            for (Cell cell : rows.get(r)) {
                while (c < columns && taken[r][c]) {
                    c++;
                }
                out.add(new Placed(r, c, cell));
                for (int dr = 0; dr < cell.rowspan(); dr++) {
                    for (int dc = 0; dc < cell.colspan(); dc++) {
                        taken[r + dr][c + dc] = true;
                    }
                }
                c += cell.colspan();
            }
        }
        return out;
    }

    /** A cell at its grid position. */
    public record Placed(int row, int column, Cell cell) {
    }

    private static String[][] expand(String name, int columns, List<List<Cell>> rows) {
        String[][] grid = new String[rows.size()][columns];
        for (int r = 0; r < rows.size(); r++) {
            int c = 0;
            for (Cell cell : rows.get(r)) {
                while (c < columns && grid[r][c] != null) {
                    c++;
                }
                if (c + cell.colspan() > columns || r + cell.rowspan() > rows.size()) {
                    throw new IllegalArgumentException("table " + name + ": cell “" + cell.text() + "” in row "
                            + (r + 1) + " does not fit the grid");
                }
                for (int dr = 0; dr < cell.rowspan(); dr++) {
                    for (int dc = 0; dc < cell.colspan(); dc++) {
                        if (grid[r + dr][c + dc] != null) {
                            throw new IllegalArgumentException("table " + name + ": cells overlap at row "
                                    + (r + dr + 1) + " column " + (c + dc + 1));
                        }
                        grid[r + dr][c + dc] = dr == 0 && dc == 0 ? cell.text() : "\0";
                    }
                }
                c += cell.colspan();
            }
        }
        return grid;
    }
}
