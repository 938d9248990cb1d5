/**
 * Reading KPI values from a CSV file saved by a spreadsheet program. One row per
 * KPI × series × period; columns in any order, named in the first row:
 *
 * | column        | required | meaning                                                        |
 * |---------------|----------|----------------------------------------------------------------|
 * | `kpi`         | yes      | the KPI's file name in `data/kpis/` without `.json`            |
 * | `series`      | yes      | the series (cohort) id; may be blank when the KPI has only one |
 * | `period`      | yes      | e.g. `2024-03`, `2024-Q1`, `FY2023/24`, `AY2023/24-autumn-1`   |
 * | `value`       | yes      | the figure; `45%`, `1,234` and `£1,234` are understood; blank when there is none |
 * | `count`       | no       | the count behind a percentage                                  |
 * | `provisional` | no       | `yes` when the figure may still change                         |
 * | `note`        | no       | a short note shown beside the figure                           |
 * | `missing`     | no       | why there is no figure (required when `value` is blank)        |
 * | `revise`      | no       | `yes` to correct a figure already published                    |
 * | `reason`      | no       | why it was corrected (required with `revise`)                  |
 */
import { parse } from "csv-parse/sync";
import type { Problem } from "../../src/lib/content/problems.ts";
import { parseYesNo } from "./figures.ts";
import type { ValueInput } from "./values.ts";

export const REQUIRED_COLUMNS = ["kpi", "series", "period", "value"] as const;
export const OPTIONAL_COLUMNS = ["count", "provisional", "note", "missing", "revise", "reason"] as const;
const COLUMNS: readonly string[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];

export interface CsvRows {
  readonly rows: readonly ValueInput[];
  readonly problems: readonly Problem[];
}

/** Decodes a file's bytes as UTF-8 (dropping a byte order mark), or says how to re-save it. */
export function decodeCsv(
  bytes: Uint8Array,
  file: string,
): { ok: true; text: string } | { ok: false; problem: Problem } {
  // A workbook (.xlsx, .xlsm, .ods) is a zip file, which starts "PK"; an old .xls starts D0 CF 11 E0.
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (zip || ole || /\.(xlsx|xlsm|xls|ods|numbers)$/i.test(file))
    return {
      ok: false,
      problem: {
        file,
        message: "this is a spreadsheet workbook, not a CSV file, so its rows cannot be read",
        fix: "Open it in Excel and choose File › Save As › CSV UTF-8 (Comma delimited) (*.csv), then import that .csv file",
      },
    };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return {
      ok: false,
      problem: {
        file,
        message: "this file is not saved as UTF-8, so characters such as £, é or curly quotes would be garbled",
        fix: "In Excel choose File › Save As › CSV UTF-8 (Comma delimited) (*.csv), then import that file",
      },
    };
  }
}

/**
 * Parses the CSV text into one input per row, each with its line number. Quoted
 * fields, a byte order mark, Windows line endings and rows of empty cells (as
 * spreadsheets leave below the data) are all handled. Cell values are checked
 * later, against the KPIs, by `checkValues`.
 */
export function readValuesCsv(text: string, file: string): CsvRows {
  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const problems: Problem[] = [];
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(normalised, {
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
    }) as unknown as typeof records;
  } catch (e) {
    const err = e as { code?: string; lines?: number; message: string };
    const unclosed = err.code === "CSV_QUOTE_NOT_CLOSED";
    return {
      rows: [],
      problems: [
        {
          file,
          line: err.lines,
          message: unclosed
            ? 'a quote mark (") opens a cell that is never closed'
            : `this is not a readable CSV file: ${err.message}`,
          fix: unclosed
            ? "Close the quote, or re-save the file from the spreadsheet as CSV"
            : "Re-save the file from the spreadsheet as CSV UTF-8",
        },
      ],
    };
  }
  const first = records[0];
  if (!first)
    return {
      rows: [],
      problems: [
        {
          file,
          message: "the file is empty",
          fix: `The first row must name the columns: ${REQUIRED_COLUMNS.join(",")}`,
        },
      ],
    };

  const header = first.record.map((h) => h.trim().toLowerCase());
  if (header.length === 1 && /[;\t]/.test(header[0]!))
    return {
      rows: [],
      problems: [
        {
          file,
          line: 1,
          message: "the columns are separated by semicolons or tabs, not commas",
          fix: "Save the file from the spreadsheet as CSV UTF-8 (Comma delimited)",
        },
      ],
    };
  header.forEach((h, i) => {
    if (h === "") {
      if (records.slice(1).some((r) => (r.record[i] ?? "").trim() !== ""))
        problems.push({
          file,
          line: 1,
          field: `column ${i + 1}`,
          message: "has no name in the first row",
          fix: `Name it, or delete the column. The columns are ${COLUMNS.join(", ")}`,
        });
    } else if (h !== "" && !COLUMNS.includes(h))
      problems.push({
        file,
        line: 1,
        field: h,
        message: "is not a column this import understands",
        fix: `Rename or delete it. The columns are ${COLUMNS.join(", ")}`,
      });
    else if (h !== "" && header.indexOf(h) !== i)
      problems.push({
        file,
        line: 1,
        field: h,
        message: "is named twice in the first row",
        fix: "Delete one of the two columns",
      });
  });
  const absent = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (absent.length)
    problems.push({
      file,
      line: 1,
      message: `missing column${absent.length > 1 ? "s" : ""} ${absent.join(", ")}`,
      fix: `The first row must name the columns ${REQUIRED_COLUMNS.join(",")} (in any order), and may add ${OPTIONAL_COLUMNS.join(", ")}`,
    });
  if (problems.length) return { rows: [], problems };

  const rows: ValueInput[] = [];
  for (const { record, info, raw } of records.slice(1)) {
    if (record.every((c) => c.trim() === "")) continue;
    const line = info.lines - (raw.replace(/^\n+/, "").replace(/\n$/, "").split("\n").length - 1);
    const cell = (name: string) => {
      const i = header.indexOf(name);
      return i < 0 ? "" : (record[i] ?? "").trim();
    };
    const extra = record.slice(header.length).some((c) => c.trim() !== "");
    if (extra) {
      problems.push({
        file,
        line,
        message: `this row has ${record.length} cells but the first row names ${header.length} columns`,
        fix: "Check for a comma inside a figure or note that is not in quotes",
      });
      continue;
    }
    const yesNo = (name: string): boolean => {
      const v = parseYesNo(cell(name));
      if (v === undefined)
        problems.push({
          file,
          line,
          field: name,
          message: `expected yes or blank; got ${JSON.stringify(cell(name))}`,
          fix: "Write yes, or leave the cell blank",
        });
      return v ?? false;
    };
    rows.push({
      kpi: cell("kpi"),
      series: cell("series"),
      period: cell("period"),
      value: cell("value"),
      count: cell("count"),
      provisional: yesNo("provisional"),
      note: cell("note"),
      missing: cell("missing"),
      revise: yesNo("revise"),
      reason: cell("reason"),
      line,
    });
  }
  if (!rows.length && !problems.length)
    problems.push({
      file,
      message: "there are no rows of values below the column names",
      fix: "Add one row per KPI, series and period",
    });
  return { rows, problems };
}
