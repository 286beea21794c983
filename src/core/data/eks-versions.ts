/**
 * Amazon EKS Kubernetes versions: when standard support ends (14 months after the EKS release) and extended support
 * ends (12 months later, then clusters are upgraded automatically). Extended support costs $0.60 per cluster-hour in
 * total instead of $0.10 (data/pricing/prices.json, `eks.clusterHour.*`). Dates: the EKS release calendar as
 * published on endoflife.date (amazon-eks, read 2026-11-30), consistent with the 14 + 12 months AWS states.
 */

export const EKS_VERSIONS_AS_OF = '2026-11-30';
export const EKS_VERSIONS_SOURCE = 'https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html';
export const EKS_VERSIONS_CALENDAR = 'https://endoflife.date/amazon-eks';

interface EksVersion {
  version: string;
  released: string;
  /** The last day of standard support: extended support (and its price) from the day after. */
  standardSupportEnds: string;
  /** After this day the cluster is upgraded automatically; a cluster cannot be created on the version. */
  extendedSupportEnds: string;
}

const LIST: EksVersion[] = [
  { version: '1.35', released: '2026-01-28', standardSupportEnds: '2027-03-27', extendedSupportEnds: '2028-03-27' },
  { version: '1.34', released: '2025-10-06', standardSupportEnds: '2026-12-02', extendedSupportEnds: '2027-12-02' },
  { version: '1.33', released: '2025-05-28', standardSupportEnds: '2026-07-29', extendedSupportEnds: '2027-07-29' },
  { version: '1.32', released: '2025-01-25', standardSupportEnds: '2026-03-23', extendedSupportEnds: '2027-03-23' },
  { version: '1.31', released: '2024-09-26', standardSupportEnds: '2025-11-26', extendedSupportEnds: '2026-11-26' },
  { version: '1.30', released: '2024-05-23', standardSupportEnds: '2025-07-23', extendedSupportEnds: '2026-07-23' },
  { version: '1.29', released: '2024-01-23', standardSupportEnds: '2025-03-23', extendedSupportEnds: '2026-03-23' },
];

const BY_VERSION = new Map(LIST.map((v) => [v.version, v]));

/** The version's support dates; undefined for a version the calendar does not list (nothing is guessed). */
export function eksVersion(version: string): EksVersion | undefined {
  return BY_VERSION.get(version);
}
