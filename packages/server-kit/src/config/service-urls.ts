// Parses the scale-out service addresses given on the command line, in MEDIABAY_* variables or as
// createMediaServer options: `postgres://…`, `s3://BUCKET?endpoint=…&region=…&forcePathStyle=true`, `redis://…`.
export interface S3Location {
  bucket: string;
  /** Omitted for AWS itself; set for R2, B2, MinIO and other S3-compatible services. */
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
  /** Bytes per multipart part (S3's minimum is 5 MiB). */
  partSize?: number;
}

const S3_PARAMS = new Set(['endpoint', 'region', 'forcePathStyle', 'partSize']);

export function parseStorageUrl(raw: string): S3Location {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`Storage "${raw}" is not a URL; expected s3://BUCKET?endpoint=…&region=…`);
  }
  if (url.protocol !== 's3:')
    throw new Error(`Storage "${raw}" must start with s3:// (got ${url.protocol}).`);
  const bucket = decodeURIComponent(url.hostname);
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    throw new Error(`Storage "${raw}": "${bucket}" is not a valid bucket name.`);
  for (const key of url.searchParams.keys()) {
    if (!S3_PARAMS.has(key)) throw new Error(`Storage "${raw}": unknown parameter "${key}".`);
  }
  const endpoint = url.searchParams.get('endpoint') ?? undefined;
  if (endpoint !== undefined && !/^https?:\/\/[^/]+/.test(endpoint))
    throw new Error(`Storage "${raw}": endpoint must be an http(s) URL.`);
  const forcePathStyle = url.searchParams.get('forcePathStyle');
  if (forcePathStyle !== null && forcePathStyle !== 'true' && forcePathStyle !== 'false')
    throw new Error(`Storage "${raw}": forcePathStyle must be true or false.`);
  const location: S3Location = {
    bucket,
    region: url.searchParams.get('region') ?? process.env.AWS_REGION ?? 'us-east-1',
    forcePathStyle: forcePathStyle === 'true',
  };
  if (endpoint !== undefined) location.endpoint = endpoint;
  const partSize = url.searchParams.get('partSize');
  if (partSize !== null) {
    const bytes = Number(partSize);
    if (!Number.isSafeInteger(bytes) || bytes < 5 * 1024 * 1024)
      throw new Error(`Storage "${raw}": partSize must be a byte count of at least 5 MiB.`);
    location.partSize = bytes;
  }
  return location;
}

export function checkDatabaseUrl(raw: string): string {
  if (!/^postgres(ql)?:\/\/[^/]+/.test(raw))
    throw new Error(`Database "${redact(raw)}" must be a postgres://USER:PASS@HOST:PORT/DB URL.`);
  return raw;
}

export function checkRedisUrl(raw: string): string {
  if (!/^rediss?:\/\/[^/]+/.test(raw))
    throw new Error(`Redis "${redact(raw)}" must be a redis://HOST:PORT URL.`);
  return raw;
}

/** A service URL fit for an error message: the password replaced. */
export function redact(raw: string): string {
  return raw.replace(/^([a-z0-9+.-]+:\/\/[^:/@]*:)[^@/]*@/i, '$1***@');
}
