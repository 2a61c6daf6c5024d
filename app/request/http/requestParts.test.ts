import { describe, expect, it } from 'vitest';
import { requestParts } from './requestParts';

const SIGNED = [
  'GET /report.csv HTTP/1.1',
  'Host: acme-data.s3.amazonaws.com',
  'X-Amz-Date: 20260301T120000Z',
  'x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  'X-Amz-Security-Token: FwoGZXIvYXdzEXAMPLE',
  'Authorization: AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20260301/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=abc123',
  '',
  '',
].join('\n');

describe('requestParts', () => {
  it('labels the request line, the signed headers and the three components of Authorization, with their lines', () => {
    expect(requestParts(SIGNED).map((p) => [p.kind, p.value, p.line])).toEqual([
      ['requestLine', 'GET /report.csv HTTP/1.1', 1],
      ['host', 'acme-data.s3.amazonaws.com', 2],
      ['amzDate', '20260301T120000Z', 3],
      ['contentSha256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 4],
      ['securityToken', 'FwoGZXIvYXdzEXAMPLE', 5],
      ['credential', 'ASIAEXAMPLE/20260301/us-east-1/s3/aws4_request', 6],
      ['signedHeaders', 'host;x-amz-content-sha256;x-amz-date;x-amz-security-token', 6],
      ['signature', 'abc123', 6],
    ]);
  });

  it('reads a body after the blank line, and CRLF line ends', () => {
    const text = 'POST / HTTP/1.1\r\nHost: iam.amazonaws.com\r\n\r\nAction=GetUser&Version=2010-05-08';
    expect(requestParts(text).at(-1)).toEqual({ kind: 'body', value: 'Action=GetUser&Version=2010-05-08', line: 4 });
  });

  it('reads the components of a presigned URL from its query', () => {
    const text = 'GET /a.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20260301%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20260301T120000Z&X-Amz-SignedHeaders=host&X-Amz-Signature=ff HTTP/1.1\nHost: b.s3.amazonaws.com\n\n';
    const kinds = Object.fromEntries(requestParts(text).map((p) => [p.kind, p.value]));
    expect(kinds).toMatchObject({ credential: 'AKIA/20260301/us-east-1/s3/aws4_request', signedHeaders: 'host', signature: 'ff', amzDate: '20260301T120000Z' });
  });

  it('finds nothing in an empty text, and only the request line in a request without headers', () => {
    expect(requestParts('')).toEqual([]);
    expect(requestParts('  \n')).toEqual([]);
    expect(requestParts('GET / HTTP/1.1')).toEqual([{ kind: 'requestLine', value: 'GET / HTTP/1.1', line: 1 }]);
  });
});
