"use client";

/**
 * The bulk CSV import of parties: choose a file (read and parsed here, with a progress bar, to list its
 * columns and rows), map the columns to party fields (the last mapping is remembered per user), check every
 * row on the server (the party form's validation, unknown countries, bad relationships, likely duplicates),
 * then import the valid rows, or nothing unless all are valid. The file's text goes to the server, which
 * parses and checks it again: what the preview shows is what the import does.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, FileSpreadsheet, Loader2, Upload } from "lucide-react";
import { AsOfLink } from "@/app/_components/as-of";
import Papa from "papaparse";
import { useId, useMemo, useState } from "react";
import { Button, buttonClass } from "@/app/_components/ui/button";
import { Card, CardHeader } from "@/app/_components/ui/card";
import { FilterSelect } from "@/app/_components/ui/filters";
import { ErrorState, Notice } from "@/app/_components/ui/states";
import { Pagination, Table, Td, Th } from "@/app/_components/ui/table";
import { useTRPC } from "@/app/_trpc/client";
import { guessMapping, IMPORT_FIELD_LABELS, IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportField, type ImportMapping } from "@/server/domain/party-import/rows";
import type { PartyImportPreview, PartyImportResult } from "@/server/services/party-import";

const MAX_BYTES = 5 * 1024 * 1024;
const MAX_ROWS = 20_000;
const PAGE_SIZE = 50;

interface LoadedFile {
  name: string;
  text: string;
  headers: string[];
  rows: string[][];
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

export function PartyImport() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remembered = useQuery(trpc.partyImport.mapping.queryOptions());
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [done, setDone] = useState<(PartyImportResult & { fileName: string }) | null>(null);
  const preview = useMutation(trpc.partyImport.preview.mutationOptions());
  const run = useMutation(
    trpc.partyImport.run.mutationOptions({
      onSuccess: async (result) => {
        setDone({ ...result, fileName: file?.name ?? "" });
        setFile(null);
        preview.reset();
        await queryClient.invalidateQueries();
      },
    }),
  );

  const readFile = (chosen: File | undefined) => {
    if (!chosen) return;
    setReadError(null);
    setDone(null);
    setFile(null);
    preview.reset();
    run.reset();
    if (chosen.size > MAX_BYTES) {
      setReadError(`${chosen.name} is larger than 5 MB, the most one import takes. Split it into several files.`);
      return;
    }
    const rows: string[][] = [];
    setProgress(0);
    Papa.parse<string[]>(chosen, {
      skipEmptyLines: "greedy",
      chunkSize: 256 * 1024,
      chunk: (results) => {
        rows.push(...results.data);
        setProgress(Math.min(1, results.meta.cursor / Math.max(1, chosen.size)));
      },
      complete: async () => {
        setProgress(null);
        const [header, ...body] = rows;
        if (!header || header.every((h) => !h.trim())) return setReadError(`${chosen.name} is empty: its first row must name the columns.`);
        if (body.length > MAX_ROWS) return setReadError(`${chosen.name} has ${body.length.toLocaleString("en")} rows; one import takes at most ${MAX_ROWS.toLocaleString("en")}. Split it.`);
        const headers = header.map((h) => h.trim());
        const text = await chosen.text();
        setFile({ name: chosen.name, text, headers, rows: body });
        setMapping(guessMapping(headers, remembered.data ?? {}));
      },
      error: (error) => {
        setProgress(null);
        setReadError(`${chosen.name} could not be read: ${error.message}`);
      },
    });
  };

  const setField = (field: ImportField, header: string) => {
    setMapping((m) => {
      const next = { ...m };
      if (header) next[field] = header;
      else delete next[field];
      return next;
    });
    preview.reset();
    run.reset();
  };

  const missing = REQUIRED_IMPORT_FIELDS.filter((f) => !mapping[f]);
  const check = () => file && preview.mutate({ csv: file.text, fileName: file.name, mapping });
  const result = preview.data;

  return (
    <div className="space-y-6">
      {done ? <DoneNotice result={done} /> : null}
      <Card>
        <CardHeader title="1. Choose a CSV file" description="The first row names the columns. Up to 5 MB and 20,000 rows; comma- or semicolon-separated, UTF-8." />
        <div className="space-y-3 px-5 py-5">
          <FilePicker onFile={readFile} busy={progress !== null || preview.isPending || run.isPending} />
          <div aria-live="polite">
            {progress !== null ? <ProgressBar label="Reading the file" value={progress} /> : null}
            {readError ? <ErrorState title="The file was not read" message={readError} /> : null}
            {file ? (
              <p className="flex items-center gap-2 text-sm text-slate-700">
                <FileSpreadsheet className="size-4 text-slate-500" aria-hidden />
                <span>
                  <span className="font-medium">{file.name}</span>: {plural(file.rows.length, "row", "rows")}, {plural(file.headers.length, "column", "columns")}.
                </span>
              </p>
            ) : null}
          </div>
        </div>
      </Card>

      {file ? (
        <Card>
          <CardHeader
            title="2. Map the columns"
            description="Which column of the file holds each party field. Fields marked * are required; a party without processing locations processes the data where it is established. This mapping is remembered for your next file."
          />
          <div className="grid grid-cols-1 gap-4 px-5 py-5 sm:grid-cols-2 lg:grid-cols-3">
            {IMPORT_FIELDS.map((field) => (
              <FilterSelect
                key={field}
                label={`${IMPORT_FIELD_LABELS[field]}${REQUIRED_IMPORT_FIELDS.includes(field) ? " *" : ""}`}
                value={mapping[field] ?? ""}
                onChange={(header) => setField(field, header)}
              >
                <option value="">Not in the file</option>
                {file.headers.map((h, i) => (
                  <option key={`${h}-${i}`} value={h}>
                    {h || `(column ${i + 1} without a name)`}
                  </option>
                ))}
              </FilterSelect>
            ))}
          </div>
          <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 px-5 py-4">
            <Button onClick={check} loading={preview.isPending} disabled={missing.length > 0}>
              Check {plural(file.rows.length, "row", "rows")}
            </Button>
            {missing.length ? (
              <p className="text-sm text-slate-600">Map a column to {missing.map((f) => IMPORT_FIELD_LABELS[f].toLowerCase()).join(", ")} first.</p>
            ) : null}
          </div>
          {preview.isPending ? (
            <div className="px-5 pb-5">
              <ProgressBar label={`Checking ${plural(file.rows.length, "row", "rows")}`} />
            </div>
          ) : null}
          {preview.isError ? (
            <div className="px-5 pb-5">
              <ErrorState title="The file could not be checked" message={preview.error.message} onRetry={check} />
            </div>
          ) : null}
        </Card>
      ) : null}

      {file && result ? (
        <PreviewCard
          file={file}
          mapping={mapping}
          result={result}
          allOrNothing={allOrNothing}
          onAllOrNothing={setAllOrNothing}
          running={run.isPending}
          runError={run.isError ? run.error.message : null}
          onRun={() => run.mutate({ csv: file.text, fileName: file.name, mapping, allOrNothing })}
        />
      ) : null}
    </div>
  );
}

function FilePicker({ onFile, busy }: { onFile: (file: File | undefined) => void; busy: boolean }) {
  const inputId = useId();
  return (
    <div className="flex flex-col items-center justify-center gap-3 rounded-lg border-2 border-dashed border-slate-300 bg-slate-50/60 px-6 py-8 text-center">
      <FileSpreadsheet className="size-8 text-slate-400" aria-hidden />
      <input
        id={inputId}
        type="file"
        accept=".csv,text/csv"
        className="peer sr-only"
        disabled={busy}
        onChange={(e) => {
          onFile(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
      <label htmlFor={inputId} className={buttonClass("secondary", "md", "cursor-pointer peer-focus-visible:ring-2 peer-focus-visible:ring-indigo-600 peer-disabled:cursor-not-allowed peer-disabled:opacity-60")}>
        <Upload className="size-4" aria-hidden />
        Choose a CSV file
      </label>
    </div>
  );
}

/** A progress bar: determinate with `value` (0–1), otherwise an indeterminate one. */
function ProgressBar({ label, value }: { label: string; value?: number }) {
  return (
    <div className="space-y-1" role="status">
      <p className="flex items-center gap-2 text-sm text-slate-700">
        <Loader2 className="size-4 animate-spin" aria-hidden />
        {label}
        {value === undefined ? "…" : ` ${Math.round(value * 100)} %`}
      </p>
      <progress className="h-2 w-full max-w-md overflow-hidden rounded accent-indigo-600" aria-label={label} max={1} value={value} />
    </div>
  );
}

function PreviewCard({
  file,
  mapping,
  result,
  allOrNothing,
  onAllOrNothing,
  running,
  runError,
  onRun,
}: {
  file: LoadedFile;
  mapping: ImportMapping;
  result: PartyImportPreview;
  allOrNothing: boolean;
  onAllOrNothing: (value: boolean) => void;
  running: boolean;
  runError: string | null;
  onRun: () => void;
}) {
  const [only, setOnly] = useState<"all" | "problems">("all");
  const [page, setPage] = useState(1);
  const problems = useMemo(() => new Map(result.problemRows.map((r) => [r.row, r.problems])), [result]);
  const rowNumbers = useMemo(() => {
    const all = file.rows.map((_, i) => i + 2);
    return only === "problems" ? all.filter((n) => problems.has(n)) : all;
  }, [file, only, problems]);
  const index = new Map(file.headers.map((h, i) => [h, i]));
  const cell = (row: number, field: ImportField) => {
    const header = mapping[field];
    const i = header === undefined ? undefined : index.get(header);
    return i === undefined ? "" : (file.rows[row - 2]?.[i] ?? "");
  };
  const bad = result.totalRows - result.validRows;
  const shown = rowNumbers.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const nothingToImport = result.validRows === 0 || (allOrNothing && bad > 0);

  return (
    <Card>
      <CardHeader title="3. Check the rows, then import" description="Every row of the file with what is wrong with it. Rows with problems are not imported." />
      <div className="space-y-4 px-5 py-5">
        <Notice tone={bad ? "warning" : "success"}>
          {result.validRows.toLocaleString("en")} of {plural(result.totalRows, "row is", "rows are")} ready to import
          {bad ? `; ${plural(bad, "row has problems", "rows have problems")}.` : "."}
        </Notice>
        <FilterSelect
          label="Show"
          value={only}
          onChange={(v) => {
            setOnly(v as "all" | "problems");
            setPage(1);
          }}
          className="max-w-xs"
        >
          <option value="all">Every row</option>
          <option value="problems">Only rows with problems</option>
        </FilterSelect>
      </div>
      <Table label="Rows of the file" stacked>
        <thead className="bg-slate-50">
          <tr>
            <Th>Row</Th>
            <Th>Name</Th>
            <Th>Country</Th>
            <Th>Relationship</Th>
            <Th>Check</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {shown.map((row) => {
            const issues = problems.get(row);
            return (
              <tr key={row} className={issues ? "bg-red-50/50" : undefined}>
                <Td label="Row" className="tabular-nums">
                  {row}
                </Td>
                <Td label="Name">{cell(row, "name") || <span className="text-slate-500">(empty)</span>}</Td>
                <Td label="Country">{cell(row, "country")}</Td>
                <Td label="Relationship">{cell(row, "relationship")}</Td>
                <Td label="Check">
                  {issues ? (
                    <ul className="list-disc space-y-0.5 pl-4 text-red-700">
                      {issues.map((p) => (
                        <li key={p}>{p}</li>
                      ))}
                    </ul>
                  ) : (
                    <span className="inline-flex items-center gap-1 text-emerald-700">
                      <CheckCircle2 className="size-4" aria-hidden />
                      Ready
                    </span>
                  )}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      <Pagination page={page} pageSize={PAGE_SIZE} total={rowNumbers.length} onPage={setPage} noun="rows" />
      <div className="space-y-4 border-t border-slate-100 px-5 py-5">
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">When some rows have problems</legend>
          <label className="flex items-start gap-2 text-sm text-slate-700">
            <input type="radio" name="all-or-nothing" className="mt-0.5" checked={!allOrNothing} onChange={() => onAllOrNothing(false)} />
            Import the valid rows and skip the others
          </label>
          <label className="flex items-start gap-2 text-sm text-slate-700">
            <input type="radio" name="all-or-nothing" className="mt-0.5" checked={allOrNothing} onChange={() => onAllOrNothing(true)} />
            All or nothing: import nothing unless every row is valid
          </label>
        </fieldset>
        <div className="flex flex-wrap items-center gap-3">
          <Button onClick={onRun} loading={running} disabled={result.validRows === 0}>
            {allOrNothing ? `Import all ${plural(result.totalRows, "row", "rows")}` : `Import ${plural(result.validRows, "party", "parties")}`}
          </Button>
          {nothingToImport && !running ? (
            <p className="text-sm text-slate-600">{result.validRows === 0 ? "No row is valid yet: correct the file and choose it again." : "With problems in the file, all or nothing imports nothing."}</p>
          ) : null}
        </div>
        <div aria-live="polite">
          {running ? <ProgressBar label={`Importing ${plural(allOrNothing ? result.totalRows : result.validRows, "row", "rows")}`} /> : null}
          {runError ? <ErrorState title="Nothing was imported" message={runError} /> : null}
        </div>
      </div>
    </Card>
  );
}

function DoneNotice({ result }: { result: PartyImportResult & { fileName: string } }) {
  return (
    <Notice tone="success">
      <p className="font-medium">
        {result.fileName}: {plural(result.created, "party", "parties")} imported
        {result.skipped ? `; ${plural(result.skipped, "row", "rows")} with problems skipped` : ""}.
      </p>
      <p className="mt-1">
        <AsOfLink href="/parties?sort=updatedAt&dir=desc" className="font-medium underline">
          View parties
        </AsOfLink>{" "}
        or choose another file.
      </p>
    </Notice>
  );
}

