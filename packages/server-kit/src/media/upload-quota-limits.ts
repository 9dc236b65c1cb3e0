// The quota limits on unfinished uploads and their defaults (checked in upload-quota.ts): a leaf, so
// options can name them without importing the check and the context it reads.

export interface UploadQuotaLimits {
  /** Unfinished uploads. Default 1,000 per user, 10,000 per tenant. */
  pendingUploads: { perUser: number; perTenant: number };
  /** Declared bytes of unfinished uploads. Default 100 GiB per user, 1 TiB per tenant. */
  reservedBytes: { perUser: number; perTenant: number };
}

export const DEFAULT_UPLOAD_QUOTAS: UploadQuotaLimits = {
  pendingUploads: { perUser: 1_000, perTenant: 10_000 },
  reservedBytes: { perUser: 100 * 1024 ** 3, perTenant: 1024 ** 4 },
};
