/**
 * What an AWS host name says: the service (its SigV4 signing name), the region, and for
 * S3 the bucket of a virtual-hosted-style request.
 *
 * Endpoint shapes follow AWS's "Service endpoints" reference: `service.region.amazonaws.com`,
 * global endpoints without a region (`iam.amazonaws.com`, `sts.amazonaws.com`, both
 * us-east-1), and S3's many forms (`s3.amazonaws.com`, `bucket.s3.amazonaws.com`,
 * `s3.ap-northeast-2.amazonaws.com`, legacy `s3-us-west-2.amazonaws.com`,
 * `bucket.s3.dualstack.eu-west-1.amazonaws.com`, access points).
 */

/** Where a request is addressed, as far as its host name tells. */
export interface Endpoint {
  /** The host in lower case, without port or trailing dot. */
  readonly host: string;
  readonly port?: number;
  /** True when the host has an AWS endpoint shape this module knows. */
  readonly recognized: boolean;
  /** The SigV4 signing name (`s3`, `sts`, `iam`, `execute-api`, …). */
  readonly service?: string;
  /** The region the request is for. */
  readonly region?: string;
  /**
   * True when the region is certain: written in the host, or the service is global with a
   * fixed signing region. False for S3's region-less endpoints, where the bucket decides.
   */
  readonly regionCertain: boolean;
  readonly partition?: 'aws' | 'aws-cn' | 'aws-us-gov';
  /** The bucket of a virtual-hosted-style S3 request. */
  readonly bucket?: string;
  /** The `name-accountid` label of an S3 access point host. */
  readonly accessPoint?: string;
  readonly fips?: boolean;
  readonly dualstack?: boolean;
}

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+$/;

/** Services with one global endpoint and the region they sign with (AWS partition). */
const GLOBAL_SERVICES: Readonly<Record<string, string>> = {
  iam: 'us-east-1',
  sts: 'us-east-1',
  cloudfront: 'us-east-1',
  route53: 'us-east-1',
  organizations: 'us-east-1',
  waf: 'us-east-1',
  shield: 'us-east-1',
  globalaccelerator: 'us-west-2',
  networkmanager: 'us-west-2',
  s3: 'us-east-1',
};

/** Endpoint prefixes whose signing name differs. */
const SIGNING_NAMES: Readonly<Record<string, string>> = {
  email: 'ses',
  queue: 'sqs',
  'runtime.sagemaker': 'sagemaker',
  'streams.dynamodb': 'dynamodb',
  'runtime.lex': 'lex',
  'data.iot': 'iotdata',
};

const SUFFIXES: readonly (readonly [string, Endpoint['partition']])[] = [
  ['.amazonaws.com.cn', 'aws-cn'],
  ['.amazonaws.com', 'aws'],
  ['.api.aws', 'aws'],
];

function splitHostPort(input: string): { host: string; port?: number } {
  let host = input.trim().toLowerCase();
  let port: number | undefined;
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    const after = close >= 0 ? host.slice(close + 1) : '';
    if (after.startsWith(':') && /^\d{1,5}$/.test(after.slice(1))) port = Number(after.slice(1));
    host = close >= 0 ? host.slice(0, close + 1) : host;
  } else {
    const colon = host.lastIndexOf(':');
    if (colon >= 0 && /^\d{1,5}$/.test(host.slice(colon + 1))) {
      port = Number(host.slice(colon + 1));
      host = host.slice(0, colon);
    }
  }
  const at = host.lastIndexOf('@'); // user info of an absolute URL
  if (at >= 0) host = host.slice(at + 1);
  if (host.endsWith('.')) host = host.slice(0, -1);
  return port === undefined ? { host } : { host, port };
}

function defaultRegion(partition: Endpoint['partition']): string {
  return partition === 'aws-cn' ? 'cn-north-1' : partition === 'aws-us-gov' ? 'us-gov-west-1' : 'us-east-1';
}

function parseS3(labels: readonly string[], index: number, partition: Endpoint['partition']): Partial<Endpoint> {
  const tag = labels[index]!;
  const before = labels.slice(0, index).join('.');
  const after = labels.slice(index + 1);
  let region: string | undefined;
  let service = 's3';
  let accessPoint: string | undefined;
  let bucket: string | undefined = before === '' ? undefined : before;
  const fips = tag.includes('fips');
  if (tag === 's3-external-1') region = 'us-east-1';
  else if (tag.startsWith('s3-website-') && REGION.test(tag.slice('s3-website-'.length))) region = tag.slice('s3-website-'.length);
  else if (tag.startsWith('s3-') && REGION.test(tag.slice(3))) region = tag.slice(3);
  if (tag === 's3-accesspoint' || tag === 's3-object-lambda') {
    accessPoint = bucket;
    bucket = undefined;
    if (tag === 's3-object-lambda') service = 's3-object-lambda';
  }
  if (tag === 's3-control') bucket = undefined; // `{account}.s3-control.{region}`: not a bucket
  if (region === undefined) region = after.find((l) => REGION.test(l));
  const regionCertain = region !== undefined;
  return {
    service,
    region: region ?? defaultRegion(partition),
    regionCertain,
    ...(bucket !== undefined ? { bucket } : {}),
    ...(accessPoint !== undefined ? { accessPoint } : {}),
    ...(fips ? { fips } : {}),
    ...(after.includes('dualstack') ? { dualstack: true } : {}),
  };
}

const cache = new Map<string, Endpoint>();
const CACHE_SIZE = 512;

/**
 * Reads an AWS host name (`Host` header value, with or without port). Hosts outside
 * AWS's domains come back with `recognized: false` and no service or region.
 * Results are remembered (a scenario addresses few hosts, many times).
 */
export function parseHost(hostHeader: string): Endpoint {
  if (typeof hostHeader !== 'string') return readHost('');
  let endpoint = cache.get(hostHeader);
  if (endpoint === undefined) {
    endpoint = readHost(hostHeader);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(hostHeader, endpoint);
  }
  return endpoint;
}

function readHost(hostHeader: string): Endpoint {
  const { host, port } = splitHostPort(hostHeader);
  const base = { host, ...(port !== undefined ? { port } : {}) };
  const suffix = SUFFIXES.find(([s]) => host.endsWith(s) && host.length > s.length);
  if (!suffix) return { ...base, recognized: false, regionCertain: false };
  let partition = suffix[1];
  const labels = host.slice(0, host.length - suffix[0].length).split('.');
  if (labels.some((l) => l === '')) return { ...base, recognized: false, regionCertain: false };

  // S3: the last label that is `s3` or `s3-…` (bucket names may contain dots and "s3").
  for (let i = labels.length - 1; i >= 0; i--) {
    const l = labels[i]!;
    if (l === 's3' || l.startsWith('s3-')) {
      return { ...base, recognized: true, partition, ...parseS3(labels, i, partition) } as Endpoint;
    }
  }

  let regionIndex = -1;
  for (let i = labels.length - 1; i >= 0; i--) {
    if (REGION.test(labels[i]!)) {
      regionIndex = i;
      break;
    }
  }
  let prefixLabels: string[];
  let region: string | undefined;
  if (regionIndex >= 1) {
    prefixLabels = labels.slice(0, regionIndex);
    region = labels[regionIndex];
  } else if (regionIndex === -1) {
    // `iam.us-gov.amazonaws.com`: GovCloud's global IAM endpoint.
    if (labels[labels.length - 1] === 'us-gov') {
      partition = 'aws-us-gov';
      prefixLabels = labels.slice(0, -1);
    } else prefixLabels = labels;
  } else {
    return { ...base, recognized: false, regionCertain: false };
  }
  if (region?.startsWith('us-gov-')) partition = 'aws-us-gov';
  if (region?.startsWith('cn-')) partition = 'aws-cn';
  let prefix = prefixLabels[prefixLabels.length - 1]!;
  let fips = false;
  if (prefix.endsWith('-fips')) {
    prefix = prefix.slice(0, -'-fips'.length);
    fips = true;
  }
  const twoLabel = prefixLabels.length >= 2 ? `${prefixLabels[prefixLabels.length - 2]}.${prefix}` : undefined;
  const service = (twoLabel !== undefined ? SIGNING_NAMES[twoLabel] : undefined) ?? SIGNING_NAMES[prefix] ?? prefix;
  if (region === undefined) {
    const globalRegion = GLOBAL_SERVICES[service];
    if (globalRegion === undefined) {
      // A host like `example.amazonaws.com`: an AWS domain, but not an endpoint we know.
      return { ...base, recognized: false, regionCertain: false, partition, service };
    }
    region = partition === 'aws' ? globalRegion : defaultRegion(partition);
  }
  return { ...base, recognized: true, partition, service, region, regionCertain: true, ...(fips ? { fips } : {}) };
}
