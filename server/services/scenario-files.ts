import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Actor } from '../actor.js';
import type { Db } from '../db/database.js';
import { quotedIn } from '../domain/citations.js';
import { type FieldProblem, invalid, zodProblems } from '../errors.js';
import { wasImported } from '../repositories/scenario-imports.js';
import { fileCitations, type ScenarioFile, ScenarioFileSchema } from '../schemas/scenario-file.js';
import { type ImportReport, importScenarioSet } from './scenario-import.js';

export interface LoadedScenarioFile {
  name: string;
  sha256: string;
  file: ScenarioFile;
  /** The folder the quotes were checked against, or null when it does not exist. */
  quotesCheckedIn: string | null;
}

async function readText(path: string): Promise<{ name: string; text: string; sha256: string }> {
  const name = basename(path);
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw invalid([{ path: name, message: `cannot be read: ${error.code ?? error.message}` }]);
  });
  return { name, text, sha256: createHash('sha256').update(text).digest('hex') };
}

const isFolder = (path: string) =>
  stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );

/**
 * Every citation whose quote does not appear verbatim (METHODS: whitespace and typographic
 * quotes aside) in the document its source names, and every named document missing from
 * `documentsDir`.
 */
async function quoteProblems(file: ScenarioFile, documentsDir: string, name: string) {
  const problems: FieldProblem[] = [];
  const documents = new Map<string, { quotes: (quote: string) => boolean; document: string }>();
  for (const [i, source] of file.sources.entries()) {
    if (!source.document) continue;
    try {
      const text = await readFile(join(documentsDir, source.document), 'utf8');
      documents.set(source.key, { quotes: quotedIn(text), document: source.document });
    } catch {
      problems.push({
        path: `${name}.sources.${i}.document`,
        message: `no such file in the source documents folder ${documentsDir}`,
      });
    }
  }
  for (const { path, citation } of fileCitations(file.questions)) {
    const doc = documents.get(citation.source);
    if (doc && !doc.quotes(citation.quote)) {
      problems.push({
        path: [name, ...path, 'quote'].join('.'),
        message: `does not appear verbatim in ${doc.document}`,
      });
    }
  }
  return problems;
}

/**
 * Validates a scenario file's text: JSON, the schema, and, when the source documents folder
 * exists, that every quote appears in the document it cites. Throws an invalid_request AppError
 * listing every problem as path + reason.
 */
async function parseScenarioText(
  name: string,
  text: string,
  documentsDir: string,
): Promise<{ file: ScenarioFile; quotesCheckedIn: string | null }> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalid([{ path: name, message: `is not JSON: ${(error as Error).message}` }]);
  }
  const parsed = ScenarioFileSchema.safeParse(json);
  if (!parsed.success) {
    throw invalid(zodProblems(parsed.error, name), `${name} refused`);
  }
  if (!(await isFolder(documentsDir))) return { file: parsed.data, quotesCheckedIn: null };
  const problems = await quoteProblems(parsed.data, documentsDir, name);
  if (problems.length > 0) throw invalid(problems, `${name} refused`);
  return { file: parsed.data, quotesCheckedIn: documentsDir };
}

/** Reads and validates a scenario file (see parseScenarioText). */
export async function readScenarioFile(
  path: string,
  documentsDir: string,
): Promise<LoadedScenarioFile> {
  const { name, text, sha256 } = await readText(path);
  return { name, sha256, ...(await parseScenarioText(name, text, documentsDir)) };
}

export type FileImportReport = ImportReport & Pick<LoadedScenarioFile, 'quotesCheckedIn'>;

/** Reads, validates and imports one scenario file. */
export async function importScenarioFile(
  db: Db,
  actor: Actor,
  path: string,
  documentsDir: string,
): Promise<FileImportReport> {
  const loaded = await readScenarioFile(path, documentsDir);
  const report = await importScenarioSet(db, actor, loaded.file, loaded);
  return { ...report, quotesCheckedIn: loaded.quotesCheckedIn };
}

/**
 * Imports every scenario file in `dir` whose exact content has not been imported before: all of
 * them on first start, and later only files that are new or changed.
 */
export async function loadScenarioFolder(
  db: Db,
  actor: Actor,
  dir: string,
  documentsDir: string,
): Promise<FileImportReport[]> {
  const names = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const reports: FileImportReport[] = [];
  for (const fileName of names) {
    // The hash first: a file imported before is neither parsed nor validated again.
    const { name, text, sha256 } = await readText(join(dir, fileName));
    if (await wasImported(db, sha256)) continue;
    const { file, quotesCheckedIn } = await parseScenarioText(name, text, documentsDir);
    const report = await importScenarioSet(db, actor, file, { name, sha256 });
    reports.push({ ...report, quotesCheckedIn });
  }
  return reports;
}

/** What every command says when the source documents folder is missing. */
export const uncheckedQuotes = (documentsDir: string) =>
  `quotes not checked: no source documents at ${documentsDir}`;
