/**
 * The one multipart shape the platform takes (`MultiRequestFileSchema`: a
 * dataset upload): `multipart/form-data` with a `file` part. Parsed from the
 * raw body; anything else is a 400 with the reason.
 */
import { badRequest } from './http-error.js';

export interface UploadedFile {
  readonly fileName: string;
  readonly mediaType: string;
  readonly content: Buffer;
}

/** The boundary of a `multipart/form-data` content type, or undefined for another type. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (contentType === undefined || !/^multipart\/form-data\s*;/i.test(contentType)) return undefined;
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

function headerValue(headers: string, name: string): string | undefined {
  for (const line of headers.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === name) return line.slice(colon + 1).trim();
  }
  return undefined;
}

/** The `file` part of a multipart body. */
export function parseUpload(body: Buffer, boundary: string): UploadedFile {
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const headersEnd = body.indexOf('\r\n\r\n', start);
    if (headersEnd === -1) break;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headersEnd + 4);
    if (next === -1) throw badRequest('Malformed multipart body: a part is not terminated');
    const headers = body.subarray(start, headersEnd).toString('utf8');
    const disposition = headerValue(headers, 'content-disposition') ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name === 'file') {
      const fileName = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
      if (fileName === undefined || fileName === '') throw badRequest('The file part has no file name');
      return {
        fileName,
        mediaType: headerValue(headers, 'content-type') ?? 'application/octet-stream',
        content: Buffer.from(body.subarray(headersEnd + 4, next)),
      };
    }
    at = next + 2;
  }
  throw badRequest("Malformed multipart body: no 'file' part");
}
