import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Actor } from '../actor.js';
import type { Db } from '../db/database.js';
import { AppError, type FieldProblem, invalid, zodProblems } from '../errors.js';
import { wasImported } from '../repositories/scenario-imports.js';
import { type ScenarioFile, ScenarioFileSchema } from '../schemas/scenario-file.js';
import { type ImportReport, importScenarioSet } from './scenario-import.js';

export interface LoadedScenarioFile {
  name: string;
  sha256: string;
  file: ScenarioFile;
}

/**
 * Reads and validates a scenario file: JSON, the schema, and that every quote appears verbatim
 * in the source document it cites (documents are resolved beside the file). Throws an
 * invalid_request AppError listing every problem as path + reason.
 */
export async function readScenarioFile(path: string): Promise<LoadedScenarioFile> {
  const name = basename(path);
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw invalid([{ path: name, message: `cannot be read: ${error.code ?? error.message}` }]);
  });
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
  const problems = await quoteProblems(parsed.data, dirname(resolve(path)), name);
  if (problems.length > 0) throw invalid(problems, `${name} refused`);
  const sha256 = createHash('sha256').update(text).digest('hex');
  return { name, sha256, file: parsed.data };
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
  for (const [qi, q] of file.questions.entries()) {
    const owners = [
      ...q.hypotheses.map((h, i) => ({ path: `hypotheses.${i}`, citations: h.citations })),
      ...q.indicators.map((x, i) => ({ path: `indicators.${i}`, citations: x.citations })),
    ];
    for (const owner of owners) {
      for (const [ci, c] of owner.citations.entries()) {
        const doc = documents.get(c.source);
        if (doc && !doc.text.includes(c.quote)) {
          problems.push({
            path: `${name}.questions.${qi}.${owner.path}.citations.${ci}.quote`,
            message: `does not appear verbatim in ${doc.document}`,
          });
        }
      }
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
  for (const name of names) {
    const loaded = await readScenarioFile(join(dir, name));
    if (await wasImported(db, loaded.sha256)) continue;
    reports.push(await importScenarioSet(db, actor, loaded.file, loaded));
  }
  return reports;
}

export function describeProblems(error: unknown): string[] {
  if (error instanceof AppError) {
    return [error.message, ...error.problems.map((p) => `  ${p.path}: ${p.message}`)];
  }
  return [(error as Error).message];
}
