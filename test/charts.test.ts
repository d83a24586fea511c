import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { QuestionView } from '../server/schemas/views.js';
import { testClient } from './support/api.js';
import { openTestDatabase, type TestDatabase } from './support/database.js';
import { loadBuiltInExclusive } from './support/fixtures.js';

/**
 * Charts rendered on the server: PNG at the asked size and scale, SVG, the same bytes for the
 * same data and parameters, different bytes when either changes, and bad parameters refused.
 */

const _ROOT = new URL('..', import.meta.url).pathname;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (bytes: Buffer) => ({
  width: bytes.readUInt32BE(16),
  height: bytes.readUInt32BE(20),
});

describe('charts as images', () => {
  let t: TestDatabase;
  let api: ReturnType<typeof testClient>;
  let exclusive: QuestionView;
  /** Recorded times: before any evidence, and after everything. */
  let beforeEvidence: string;
  let settled: string;

  const fetchImage = async (path: string) => {
    const res = await api.app.request(path);
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      res,
      bytes: Buffer.from(await res.arrayBuffer()),
    };
  };

  before(async () => {
    t = await openTestDatabase();
    api = testClient(t.db);
    exclusive = await loadBuiltInExclusive(t.db);
    const [first, second] = exclusive.hypotheses;
    await sleep(5);
    beforeEvidence = new Date().toISOString();
    for (const [title, on] of [
      ['Attacks resume in Anbar', '2018-03-02'],
      ['Cells regroup in the desert', '2018-09-10'],
    ]) {
      const res = await api.post(`/api/questions/${exclusive.id}/evidence`, {
        title,
        occurred_on: on,
        reliability: 'B',
        credibility: 2,
        ratings: { [first?.id as string]: 'CC', [second?.id as string]: 'I' },
      });
      assert.equal(res.status, 201);
    }
    await api.post(`/api/hypotheses/${first?.id}/resolution`, {
      outcome: 'true',
      resolved_at: '2019-12-31',
      note: 'Leadership stayed in Iraq and Syria',
    });
    await sleep(5);
    settled = new Date().toISOString();
  });

  after(async () => {
    await t?.close();
  });

  it('renders the timeline as PNG at size × scale, the same bytes for the same request', async () => {
    const path = `/api/questions/${exclusive.id}/charts/timeline?as_of=${encodeURIComponent(settled)}&width=900&height=450&scale=2`;
    const one = await fetchImage(path);
    assert.equal(one.status, 200, one.bytes.toString());
    assert.equal(one.type, 'image/png');
    assert.match(
      one.res.headers.get('content-disposition') ?? '',
      /filename="signpost-timeline-q_\w+\.png"/,
    );
    assert.deepEqual(one.bytes.subarray(0, 8), PNG_SIGNATURE);
    assert.deepEqual(pngSize(one.bytes), { width: 1800, height: 900 });
    const two = await fetchImage(path);
    assert.ok(one.bytes.equals(two.bytes), 'deterministic: same data and parameters, same bytes');

    // Drawn on white, so a slide's background does not show through.
    const image = await loadImage(one.bytes);
    const canvas = createCanvas(image.width, image.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    assert.deepEqual([...ctx.getImageData(1, 1, 1, 1).data], [255, 255, 255, 255]);

    for (const changed of [
      `${path}&title=Briefing%2012`,
      `${path}&series=model`,
      `${path}&hypothesis=${exclusive.hypotheses[1]?.id}`,
      `${path}&from=2018-01-01&to=2018-12-31`,
      `${path}&labels=0`,
      path.replace(encodeURIComponent(settled), encodeURIComponent(beforeEvidence)),
    ]) {
      const other = await fetchImage(changed);
      assert.equal(other.status, 200, changed);
      assert.ok(!other.bytes.equals(one.bytes), `${changed} draws something else`);
    }
  });

  it('renders SVG with the text as paths', async () => {
    const svg = await fetchImage(
      `/api/questions/${exclusive.id}/charts/probabilities?format=svg&width=800&height=400&as_of=${encodeURIComponent(settled)}`,
    );
    assert.equal(svg.status, 200);
    assert.equal(svg.type, 'image/svg+xml');
    const text = svg.bytes.toString();
    assert.match(text, /<svg [^>]*width="800" height="400"/);
    assert.doesNotMatch(text, /<text/, 'no fonts needed to view it');
    const again = await fetchImage(
      `/api/questions/${exclusive.id}/charts/probabilities?format=svg&width=800&height=400&as_of=${encodeURIComponent(settled)}`,
    );
    assert.ok(again.bytes.equals(svg.bytes));
  });

  it('renders the probabilities, calibration and score charts', async () => {
    for (const path of [
      `/api/questions/${exclusive.id}/charts/probabilities?scale=1`,
      `/api/charts/calibration?question=${exclusive.id}&scale=1&width=700&height=700`,
      `/api/charts/scores?forecaster=model,sources&scale=3&width=1000&height=500`,
    ]) {
      const image = await fetchImage(path);
      assert.equal(image.status, 200, `${path}: ${image.bytes.toString().slice(0, 300)}`);
      assert.equal(image.type, 'image/png');
      const scale = Number(new URL(path, 'http://x').searchParams.get('scale'));
      const width = Number(new URL(path, 'http://x').searchParams.get('width') ?? 1200);
      assert.equal(pngSize(image.bytes).width, width * scale, path);
    }
  });

  it('refuses bad parameters with the field and the reason', async () => {
    const cases: [string, number, string, RegExp][] = [
      [
        `/api/questions/${exclusive.id}/charts/timeline?width=10`,
        400,
        'query.width',
        /at least 320/,
      ],
      [
        `/api/questions/${exclusive.id}/charts/timeline?width=4000&scale=4`,
        400,
        'query.width',
        /times scale must be at most 8000/,
      ],
      [`/api/questions/${exclusive.id}/charts/timeline?format=gif`, 400, 'query.format', /png|svg/],
      [
        `/api/questions/${exclusive.id}/charts/timeline?series=rumour`,
        400,
        'query.series.0',
        /model, analyst or source/,
      ],
      [
        `/api/questions/${exclusive.id}/charts/timeline?from=2019-01-01&to=2018-01-01`,
        400,
        'query.to',
        /before from/,
      ],
      [
        `/api/questions/${exclusive.id}/charts/probabilities?hypothesis=h_aaaaaaaaaaaaaaaa`,
        400,
        'query.hypothesis',
        /not a hypothesis of this question/,
      ],
      ['/api/charts/scores?forecaster=nobody', 400, 'query.forecaster.0', /must be model/],
    ];
    for (const [path, status, field, message] of cases) {
      const res = await api.get(path);
      assert.equal(res.status, status, `${path}: ${JSON.stringify(res.body)}`);
      assert.equal(res.contentType, 'application/problem+json');
      assert.equal(res.body.errors[0].path, field, path);
      assert.match(res.body.errors[0].message, message, path);
    }
    assert.equal((await api.get('/api/questions/q_aaaaaaaaaaaaaaaa/charts/timeline')).status, 404);
  });
});
