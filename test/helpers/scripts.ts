// The project's CommonJS tooling modules (scripts/*.js, run by Node and webpack without a
// compiler), loaded with the types the tests rely on.

import { createRequire } from 'module';
import * as path from 'path';

export const ROOT = path.join(__dirname, '..', '..');
const requireScript = createRequire(path.join(ROOT, 'scripts', 'index.js'));

export type Policy = Record<string, string[]>;

export const csp = requireScript('./csp.js') as {
  OFFICE_FRAME_ANCESTORS: readonly string[];
  pagePolicy(): Policy;
  headerPolicy(frameAncestors?: readonly string[]): Policy;
  serialize(policy: Policy): string;
};

export const addinUrl = requireScript('./addin-url.js') as {
  DEV_ORIGIN: string;
  parseAddinUrl(text: string): string;
  manifestFor(xml: string, url: string): string;
};

export interface CertificateFiles {
  cert: string;
  key: string;
  ca?: string;
  dir?: string;
}

export interface TrustPlan {
  kind: 'library' | 'root' | 'manual' | 'unsupported';
  sudo?: boolean;
  commands?: string[];
  noStore?: boolean;
}

export const devCerts = requireScript('./dev-certs.js') as {
  certificatePaths(): Required<CertificateFiles> & { caName: string };
  readCertificate(
    files: CertificateFiles,
    now?: Date,
  ): { status: 'ok' | 'missing' | 'expired' | 'expiring' | 'unusable'; validTo?: Date };
  devServerTls(
    env: Record<string, string | undefined>,
    now?: Date,
  ): {
    server: 'http' | { type: 'https'; options: { cert: Buffer; key: Buffer } };
    reason?: { vi: string; en: string };
  };
  trustPlan(input: {
    platform: string;
    uid: number;
    hasSudo: boolean;
    store?: { tool: string; dir: string; file: string };
    caPath: string;
  }): TrustPlan;
  LINUX_STORES: { tool: string; dir: string; file: string; afterRemove: string }[];
};

/** office-addin-dev-certs' certificate maker: a CA and a localhost certificate, in files. */
export const officeDevCerts = requireScript('office-addin-dev-certs') as {
  generateCertificates(
    caPath: string,
    certPath: string,
    keyPath: string,
    days?: number,
    domains?: string[],
  ): Promise<void>;
};
