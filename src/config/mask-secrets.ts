const SECRET_KEY = /key|secret|token|password/i;

/** The config as `transwire config` prints it: secrets and passwords in URLs masked. */
export function maskSecrets(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    if (SECRET_KEY.test(key) && value) return '********';
    return value.replace(/(\/\/[^:/@]+:)[^@/]+@/, '$1********@');
  }
  if (Array.isArray(value)) return value.map((v) => maskSecrets(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskSecrets(v, k)]));
  }
  return value;
}
