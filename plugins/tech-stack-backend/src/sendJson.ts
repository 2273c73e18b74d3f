import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import express from 'express';

interface Body {
  bytes: Buffer;
  etag: string;
  /** The gzip encoding, made on the first request that accepts it. */
  gzip?: Buffer;
}

/** Answers smaller than this are sent as they are (as the compression middleware does). */
const GZIP_THRESHOLD_BYTES = 1024;

/** Serialized answers, by answer object; an entry lives as long as its object. */
const bodies = new WeakMap<object, Body>();

/**
 * Sends `value` as JSON, serializing, hashing (ETag) and compressing each
 * answer object only once: the services hand out the same object for a
 * cached answer, so repeated requests skip `JSON.stringify` and gzip of the
 * whole answer. A client that accepts gzip (every browser) gets the gzip
 * encoding of answers over 1 KB; a request whose `If-None-Match` matches gets
 * `304 Not Modified`, as with `res.json`.
 */
export function sendJson(res: express.Response, value: object): void {
  let body = bodies.get(value);
  if (!body) {
    const bytes = Buffer.from(JSON.stringify(value), 'utf8');
    const hash = createHash('sha1').update(bytes).digest('base64url');
    body = { bytes, etag: `W/"${bytes.length.toString(16)}-${hash}"` };
    bodies.set(value, body);
  }
  res.type('application/json');
  res.vary('Accept-Encoding');
  const gzip =
    body.bytes.length >= GZIP_THRESHOLD_BYTES &&
    res.req.acceptsEncodings('gzip', 'identity') === 'gzip';
  if (!gzip) {
    res.set('ETag', body.etag);
    res.send(body.bytes);
    return;
  }
  body.gzip ??= gzipSync(body.bytes);
  res.set('ETag', `${body.etag.slice(0, -1)}-gzip"`);
  res.set('Content-Encoding', 'gzip');
  res.send(body.gzip);
}
