import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Actor } from '../actor.js';
import type { Db } from '../db/database.js';
import { AppError, type FieldProblem, invalid, zodProblems } from '../errors.js';
import { wasImported } from '../repositories/scenario-imports.js';
import { fileCitations, type ScenarioFile, ScenarioFileSchema } from '../schemas/scenario-file.js';
import { type ImportReport, importScenarioSet } from './scenario-import.js';

export interface LoadedScenarioFile {
  name: string;
  sha256: string;
  file: ScenarioFile;
}

async function readText(path: string): Promise<{ name: string; text: string; sha256: string }> {
  const name = basename(path);
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw invalid([{ path: name, message: `cannot be read: ${error.code ?? error.message}` }]);
  });
  return { name, text, sha256: createHash('sha256').update(text).digest('hex') };
}

/**
 * Validates a scenario file's text: JSON, the schema, and that every quote appears verbatim in
 * the source document it cites (documents are resolved in `dir`). Throws an invalid_request
 * AppError listing every problem as path + reason.
 */
async function parseScenarioText(name: string, text: string, dir: string): Promise<ScenarioFile> {
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
  const problems = await quoteProblems(parsed.data, dir, name);
  if (problems.length > 0) throw invalid(problems, `${name} refused`);
  return parsed.data;
}

/** Reads and validates a scenario file (see parseScenarioText). */
export async function readScenarioFile(path: string): Promise<LoadedScenarioFile> {
  const { name, text, sha256 } = await readText(path);
  return { name, sha256, file: await parseScenarioText(name, text, dirname(resolve(path))) };
}

async function quoteProblems(file: ScenarioFile, dir: string, name: string) {
  const problems: FieldProblem[] = [];
  const documents = new Map<string, { text: string; document: string }>();
  for (const [i, source] of file.sources.entries()) {
    if (!source.document) continue;
    try {
      const text = await readFile(join(dir, source.document), 'utf8');
      documents.set(source.key, { text, document: source.document });
    } catch {
      problems.push({
        path: `${name}.sources.${i}.document`,
        message: 'no such file beside the scenario file',
      });
    }
  }
  for (const { path, citation } of fileCitations(file.questions)) {
    const doc = documents.get(citation.source);
    if (doc && !doc.text.includes(citation.quote)) {
      problems.push({
        path: [name, ...path, 'quote'].join('.'),
        message: `does not appear verbatim in ${doc.document}`,
      });
    }
  }
  return problems;
}

/** Reads, validates and imports one scenario file. */
export async function importScenarioFile(
  db: Db,
  actor: Actor,
  path: string,
): Promise<ImportReport> {
  const loaded = await readScenarioFile(path);
  return importScenarioSet(db, actor, loaded.file, loaded);
}

/**
 * Imports every scenario file in `dir` whose exact content has not been imported before: all of
 * them on first start, and later only files that are new or changed.
 */
export async function loadScenarioFolder(
  db: Db,
  actor: Actor,
  dir: string,
): Promise<ImportReport[]> {
  const names = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const reports: ImportReport[] = [];
  for (const fileName of names) {
    // The hash first: a file imported before is neither parsed nor validated again.
    const { name, text, sha256 } = await readText(join(dir, fileName));
    if (await wasImported(db, sha256)) continue;
    const file = await parseScenarioText(name, text, resolve(dir));
    reports.push(await importScenarioSet(db, actor, file, { name, sha256 }));
  }
  return reports;
}

export function describeProblems(error: unknown): string[] {
  if (error instanceof AppError) {
    return [error.message, ...error.problems.map((p) => `  ${p.path}: ${p.message}`)];
  }
  return [(error as Error).message];
}
