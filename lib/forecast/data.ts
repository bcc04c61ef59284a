/**
 * Reading collections of series in the M4 layout (../shared/data/m4): a header row, then one series
 * a row, its id first and its observations after, shorter rows padded with empty cells.
 */
import fs from "node:fs";
import { parse } from "csv-parse/sync";

export interface NamedSeries {
  id: string;
  values: number[];
}

/** Parses the CSV text; throws with the row number when a cell is not a number. */
export function parseSeriesCsv(text: string): NamedSeries[] {
  const rows: string[][] = parse(text, { relax_column_count: true, skip_empty_lines: true });
  const body =
    rows.length > 0 && rows[0].slice(1).some((c) => c !== "" && Number.isNaN(Number(c))) ? rows.slice(1) : rows;
  return body.map((row, r) => {
    const values: number[] = [];
    for (const cell of row.slice(1)) {
      if (cell.trim() === "") continue;
      const v = Number(cell);
      if (!Number.isFinite(v)) throw new Error(`row ${r + 2} (${row[0]}): "${cell}" is not a number`);
      values.push(v);
    }
    return { id: row[0], values };
  });
}

export const readSeriesCsv = (file: string): NamedSeries[] => parseSeriesCsv(fs.readFileSync(file, "utf8"));
