/** ECR's published prices, for the job summary and the run's messages. */

/**
 * ECR's published storage price, US$ per GB-month of compressed image data, US East
 * (N. Virginia), as on the ECR pricing page in March 2026; public repositories: 50 GB free,
 * then the same price. `storage-price` overrides it (other regions, later prices).
 */
export const STORAGE_PRICE_USD_PER_GB_MONTH = 0.1
export const STORAGE_PRICE_AS_OF = 'March 2026, us-east-1'
/**
 * ECR's archive storage class, US East (N. Virginia), as published in March 2026: storage
 * at the standard price for the first 150 TB a month ($0.07 per GB-month past that), a
 * restore (retrieval) fee per GB, and a 90-day minimum storage duration. An archived image
 * can't be pulled until restored; ECR restores within about 20 minutes.
 */
export const ARCHIVE_PRICE_USD_PER_GB_MONTH = 0.1
export const ARCHIVE_RESTORE_USD_PER_GB = 0.03
export const ARCHIVE_MINIMUM_DAYS = 90
export const ARCHIVE_PRICE_AS_OF = 'March 2026, us-east-1'
