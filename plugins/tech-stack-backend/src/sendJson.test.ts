import express from 'express';
import request from 'supertest';
import { sendJson } from './sendJson';

describe('sendJson', () => {
  const answer = {
    entries: Array.from({ length: 100 }, (_, i) => ({
      title: `Zürich <b> ${i}`,
    })),
  };
  const stringify = jest.spyOn(JSON, 'stringify');
  const app = express();
  app.get('/same', (_req, res) => sendJson(res, answer));
  app.get('/fresh', (_req, res) => sendJson(res, { n: 1 }));

  it('answers JSON with an ETag, serializing an answer object once', async () => {
    stringify.mockClear();
    const first = await request(app).get('/same').set('Accept-Encoding', '');
    const second = await request(app).get('/same').set('Accept-Encoding', '');
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(first.headers['content-encoding']).toBeUndefined();
    expect(first.body).toEqual(answer);
    expect(second.body).toEqual(answer);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(stringify).toHaveBeenCalledTimes(1);
  });

  it('answers 304 when the client has the same answer', async () => {
    const { headers } = await request(app).get('/same');
    const again = await request(app)
      .get('/same')
      .set('If-None-Match', headers.etag);
    expect(again.status).toBe(304);
    const other = await request(app)
      .get('/fresh')
      .set('If-None-Match', headers.etag);
    expect(other.status).toBe(200);
    expect(other.body).toEqual({ n: 1 });
  });

  it('sends the gzip encoding of answers over 1 KB to clients that accept it', async () => {
    const gzip = await request(app)
      .get('/same')
      .set('Accept-Encoding', 'gzip, deflate, br');
    expect(gzip.status).toBe(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers.vary).toMatch(/Accept-Encoding/);
    expect(gzip.body).toEqual(answer);
    const plain = await request(app).get('/same').set('Accept-Encoding', '');
    expect(gzip.headers.etag).not.toBe(plain.headers.etag);
    expect(Number(gzip.headers['content-length'])).toBeLessThan(
      Number(plain.headers['content-length']),
    );
    const small = await request(app)
      .get('/fresh')
      .set('Accept-Encoding', 'gzip');
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});
