/**
 * The Node versions this package supports (package.json `engines`: ^22.15.0 || >=24.0.0). Node 20
 * reached its end of life in April 2026; it still runs the gateway, but nothing promises it will.
 */
export const SUPPORTED_NODE = '^22.15.0 || >=24.0.0';

/** Whether `version` (as `process.versions.node`) is one `SUPPORTED_NODE` names. */
export function isSupportedNode(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major >= 24 || (major === 22 && minor >= 15);
}
